package io.github.aigov.governance.server.systems;

import io.github.aigov.governance.server.assess.Engines;
import io.github.aigov.governance.server.pages.Texts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The guideline versions and named overlays a system can be assessed with, as forms offer them:
 * {@code version:2.0} or {@code overlay:NAME}, the latest version first.
 */
@Component
public class GuidelineChoices {
    private final Engines engines;
    private final Texts texts;

    public GuidelineChoices(Engines engines, Texts texts) {
        this.engines = engines;
        this.texts = texts;
    }

    /** One choice: its form value, its label, and what it assesses with. */
    public record Choice(String value, String label, Engines.Choice choice) {
    }

    public List<Choice> all() {
        List<Choice> choices = new ArrayList<>();
        List<String> versions = new ArrayList<>(engines.versions());
        Collections.reverse(versions);
        for (String v : versions) {
            choices.add(new Choice("version:" + v, texts.text("choice.version", v), new Engines.Choice(v, null)));
        }
        engines.overlays().values().forEach(o -> choices.add(new Choice("overlay:" + o.name(),
                texts.text("choice.overlay", o.name(), o.version()), new Engines.Choice(o.version(), o.name()))));
        return choices;
    }

    /** The choice with this form value, if the server has it. */
    public Optional<Choice> find(String value) {
        return all().stream().filter(c -> c.value().equals(value)).findFirst();
    }

    /** The latest version's form value. */
    public String latest() {
        return "version:" + engines.versions().get(engines.versions().size() - 1);
    }

    /** A revision's choice as the form names it. */
    public static String valueOf(String version, String overlay) {
        return overlay != null ? "overlay:" + overlay : "version:" + version;
    }
}
