package io.github.aigov.governance.cli;

import io.github.aigov.governance.Governance;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The values of a guideline-version option: the versions the library ships ({@link Governance#shippedVersions()},
 * from its list of versions), never a list of the command line's own. As completion candidates they are the
 * allowed values a usage error names; as a converter they refuse any other value while the arguments are parsed,
 * so a mistyped version is a usage error that suggests the nearest one ({@link UsageErrors}).
 */
final class ShippedVersions implements Iterable<String>, ITypeConverter<String> {

    @Override
    public Iterator<String> iterator() {
        return Governance.shippedVersions().iterator();
    }

    @Override
    public String convert(String value) {
        if (!Governance.shippedVersions().contains(value)) {
            throw new TypeConversionException("not a shipped version: " + value);
        }
        return value;
    }
}
