package org.pando.account;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pando.domain.InvalidInput;

/**
 * What a new account is made from, checked when built: use {@link #of}.
 *
 * @param username  3 to 32 characters of letters, digits, dot, dash or underscore; kept lower-case
 * @param password  8 to 200 characters
 * @param email     a plausible address, kept lower-case so one address is one account
 * @param country   the profile's country, typically from the browser's language settings
 * @param languages the profile's languages, likewise
 */
public record SignUp(String username, String password, String email, Optional<String> country, List<String> languages) {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    /** A checked sign-up; throws {@link InvalidInput} naming the first field that breaks its rule. */
    public static SignUp of(String username, String password, String email, Optional<String> country, List<String> languages) {
        String name = username.trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidInput("username",
                    "Use 3 to 32 letters, digits, dots, dashes or underscores for the username, starting with a letter or digit.");
        }
        if (password.length() < 8 || password.length() > 200) {
            throw new InvalidInput("password", "Use a password of 8 to 200 characters.");
        }
        String mail = email.trim().toLowerCase(Locale.ROOT);
        if (mail.length() > 254 || !EMAIL.matcher(mail).matches()) {
            throw new InvalidInput("email", "'" + email + "' does not look like an email address.");
        }
        return new SignUp(name, password, mail, country.map(Locales::country), Locales.languages(languages));
    }
}
