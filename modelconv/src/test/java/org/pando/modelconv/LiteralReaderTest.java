package org.pando.modelconv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LiteralReaderTest {

    @Test
    void readsTheObjectLiteralsMinifiersWrite() {
        Literal value = LiteralReader.read("{format:\"graph-model\",scale:.07,min:-.26,big:1e3,on:!0,off:!1,dims:[{size:\"-1\"}],'q':'it\\'s',$x:null}");

        assertThat(value.field("format").text()).as("unquoted key, double-quoted string").isEqualTo("graph-model");
        assertThat(value.field("scale").number()).as("no leading zero").isEqualTo(0.07);
        assertThat(value.field("min").number()).as("negative without leading zero").isEqualTo(-0.26);
        assertThat(value.field("big").number()).as("exponent").isEqualTo(1000.0);
        assertThat(value.field("on").bool()).as("!0 is true").isTrue();
        assertThat(value.field("off").bool()).as("!1 is false").isFalse();
        assertThat(value.field("dims").items().getFirst().field("size").integer()).as("an integer written as a string").isEqualTo(-1);
        assertThat(value.field("q").text()).as("single quotes and an escaped quote").isEqualTo("it's");
        assertThat(value.field("$x")).as("null").isEqualTo(new Literal.Null());
    }

    @Test
    void readsJson() {
        Literal value = LiteralReader.read("{ \"a\": [1, 2.5, true, false, null, \"\\u00e9\\n\"], \"b\": {} }");

        assertThat(value.field("a").items()).as("JSON array")
                .containsExactly(new Literal.Num(1), new Literal.Num(2.5), new Literal.Bool(true), new Literal.Bool(false), new Literal.Null(), new Literal.Str("é\n"));
        assertThat(value.field("b").fields()).as("empty object").isEmpty();
    }

    @Test
    void readsAValueEmbeddedInAScriptAndSaysWhereItEnds() {
        String script = "x;e.exports={a:[1,2]},{}]";

        LiteralReader.Embedded embedded = LiteralReader.readAt(script, script.indexOf('{'));

        assertThat(embedded.value().field("a").items()).as("the embedded object").hasSize(2);
        assertThat(script.substring(embedded.end())).as("the text after the value").isEqualTo(",{}]");
    }

    @Test
    void findsTheOneExportedLiteralOfABrowserBundle() {
        String bundle = "!function(t){\"object\"==typeof exports&&\"undefined\"!=typeof module?module.exports=t():this.model=t()}"
                + "(function(){return function r(e){return e}({1:[function(t,e,a){e.exports=\"AAEC\"},{}]})});";

        assertThat(ScriptBundledModelFiles.exported(bundle, "bundle").text()).as("the base64 the bundle exports").isEqualTo("AAEC");
    }

    @Test
    void malformedTextFailsWithThePlace() {
        List<String> malformed = List.of("{a:1,", "{a 1}", "[1 2]", "{a:1}x", "tru", "!2");
        for (String text : malformed) {
            assertThatThrownBy(() -> LiteralReader.read(text)).as(text).isInstanceOf(ModelConversionFailed.class).hasMessageContaining("at character");
        }
    }

    @Test
    void accessorsNameWhatWasExpected() {
        Literal value = LiteralReader.read("{a:1}");

        assertThatThrownBy(() -> value.field("b")).as("missing field").hasMessageContaining("'b'");
        assertThatThrownBy(() -> value.field("a").text()).as("number read as text").hasMessageContaining("expected a string but found the number 1.0");
    }
}
