package io.github.aigov.governance.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an option whose file a command writes. Every other option or parameter that names a file
 * ({@link java.nio.file.Path}, or a list of them) is one the command reads, and an output is refused
 * if it names one of those (see {@link GovernanceCommand#output} and {@link OutputFile}). A new
 * option that reads a file needs nothing more; one that writes a file carries this annotation and
 * is written through {@link GovernanceCommand#output}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface Output {
}
