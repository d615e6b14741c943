package io.github.aigov.governance.server.pages;

import java.time.Instant;
import org.springframework.stereotype.Component;

/** Moments as the templates show them ({@code ${@dates.shown(at)}}): the date and minute in Japan. */
@Component("dates")
public class Dates {
    public String shown(Instant at) {
        return TextInput.shown(at);
    }
}
