// Script only improves the pages; each works without it.
// - A re-assessment's progress is updated in place (without script the page reloads itself).
// - Before printing, folded sections (the rule trace) are opened, so that the print holds them.
// - The questionnaire re-assesses the answers as they change (without script: "check the answers").
(function () {
  'use strict';

  function followProgress(box) {
    var url = box.getAttribute('data-progress');
    var bar = box.querySelector('progress');
    var text = box.querySelector('.progress-text');
    function poll() {
      fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
        .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
        .then(function (p) {
          bar.max = Math.max(1, p.total);
          bar.value = p.done;
          bar.textContent = p.percent + '%';
          text.textContent = p.text;
          if (p.state === 'RUNNING') {
            setTimeout(poll, 1000);
          } else {
            window.location.reload();
          }
        })
        .catch(function () { setTimeout(poll, 3000); });
    }
    if (box.getAttribute('data-state') === 'RUNNING') {
      setTimeout(poll, 1000);
    }
  }

  // The answers so far, sent as the form sends them with action=result; the server answers with the
  // result section only (nothing is stored), which replaces the one on the page (aria-live announces it).
  function followAnswers(form) {
    var timer = null;
    var sent = 0;
    function reassess() {
      var data = new URLSearchParams(new FormData(form));
      data.set('action', 'result');
      var mine = ++sent;
      // (form.action would be the buttons named "action": the attribute is the address)
      fetch(form.getAttribute('action'), {method: 'POST', credentials: 'same-origin', body: data,
                          headers: {'Content-Type': 'application/x-www-form-urlencoded'}})
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (html) {
          if (mine !== sent) {
            return;
          }
          var doc = new DOMParser().parseFromString(html, 'text/html');
          var fresh = doc.getElementById('result');
          var old = document.getElementById('result');
          if (fresh && old) {
            old.innerHTML = fresh.innerHTML;
          }
        })
        .catch(function () { /* the check button still works */ });
    }
    function later() {
      clearTimeout(timer);
      timer = setTimeout(reassess, 500);
    }
    form.addEventListener('change', later);
    form.addEventListener('input', later);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var questionnaire = document.getElementById('questionnaire');
    if (questionnaire && window.fetch && window.URLSearchParams && window.DOMParser) {
      followAnswers(questionnaire);
    }
    var box = document.getElementById('job-progress');
    if (box && window.fetch) {
      followProgress(box);
    }
    var summary = document.getElementById('error-summary');
    if (summary) {
      summary.focus();
    }
  });

  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details').forEach(function (d) { d.setAttribute('open', ''); });
  });
})();
