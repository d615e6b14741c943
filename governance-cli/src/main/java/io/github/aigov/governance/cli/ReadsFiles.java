package io.github.aigov.governance.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * A command or a mixin that reads files no option names by itself — the profiles in a batch's input
 * folder, the sheets of a definition set — and lists them, so that no output overwrites them. The
 * files options name are found without this (see {@link Output}).
 */
interface ReadsFiles {
    /** Each file read, with how the user named it (the option or parameter it came through). */
    Map<Path, String> filesRead();
}
