package org.pando.domain;

/**
 * A request's field breaks a rule; the message names the field and the rule.
 *
 * <pre>{@code
 * throw new InvalidInput("username", "Use 3 to 32 letters, digits, dots, dashes or underscores.");
 * }</pre>
 */
public final class InvalidInput extends DomainException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidInput(String field, String message) {
        super(Reason.INVALID, "invalid-" + field, message);
        this.field = field;
    }

    /** The name of the offending field, as the API spells it. */
    public String field() {
        return field;
    }
}
