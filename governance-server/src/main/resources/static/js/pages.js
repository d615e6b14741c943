// Script only improves the pages; each works without it.
// - A re-assessment's progress is updated in place (without script the page reloads itself).
// - Before printing, folded sections (the rule trace) are opened, so that the print holds them.
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

  document.addEventListener('DOMContentLoaded', function () {
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
