package org.pando.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(1024, 1);

    @Test
    void hashesWithArgon2idAndASaltOfItsOwn() {
        String first = hasher.hash("correct horse");
        String second = hasher.hash("correct horse");

        assertThat(first).as("PHC string").startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(first).as("two hashes of one password differ by salt").isNotEqualTo(second);
        assertThat(hasher.matches("correct horse", first)).as("right password").isTrue();
        assertThat(hasher.matches("correct horse!", first)).as("wrong password").isFalse();
    }

    @Test
    void checksAHashMadeWithOtherCostsByItsOwnParameters() {
        String stronger = new PasswordHasher(2048, 2).hash("pass phrase");

        assertThat(hasher.matches("pass phrase", stronger)).as("parameters travel with the hash").isTrue();
    }

    @Test
    void neverMatchesAMalformedHash() {
        assertThat(hasher.matches("x", "")).isFalse();
        assertThat(hasher.matches("x", "$bcrypt$whatever")).isFalse();
        assertThat(hasher.matches("x", "$argon2id$v=19$m=1024,q=1,p=1$AAAA$AAAA")).isFalse();
        assertThat(hasher.matches("x", "$argon2id$v=19$m=lots,t=1,p=1$AAAA$AAAA")).as("a cost that is not a number").isFalse();
        assertThat(hasher.matches("x", "$argon2id$v=19$m=1024,t=1,p=1$not*base64$AAAA")).as("a salt that is not base64").isFalse();
    }
}
