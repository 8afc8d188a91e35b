package io.basalt.type.json.path;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.type.json.Jsonb;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which jsonpaths a member answers ({@link MemberJsonPath}): the member's keys and the relative path, and the paths
 * refused; and that the relative path on the member gives what the path gives on object documents holding it.
 */
class MemberJsonPathTest {
    private static MemberJsonPath exists(String path) {
        return MemberJsonPath.of(JsonPathParser.parse(path), false);
    }

    private static MemberJsonPath match(String path) {
        return MemberJsonPath.of(JsonPathParser.parse(path), true);
    }

    @Test
    void chainsFromTheSameKeysBecomePathsOverTheMember() {
        assertThat(exists("$.tags[*] ? (@ == \"a\")")).isEqualTo(new MemberJsonPath(List.of("tags"),
                JsonPath.normalize("$[*] ? (@ == \"a\")")));
        assertThat(exists("$.a.b.tags ? (@ starts with \"x\")").keys()).containsExactly("a", "b", "tags");
        assertThat(exists("$.a.b.c.d.e[*]").keys()).as("at most four keys").containsExactly("a", "b", "c", "d");
        assertThat(exists("$.a.b.c.d.e[*]").relative()).isEqualTo(JsonPath.normalize("$.e[*]"));
        assertThat(exists("$.tags[*] ? (@ == $.tags[0])").relative()).isEqualTo(JsonPath.normalize("$[*] ? (@ == $[0])"));
        assertThat(exists("$.tags[*] ? (@ == $x)").relative()).isEqualTo(JsonPath.normalize("$[*] ? (@ == $x)"));
        assertThat(match("$.tags[*] == \"a\" || $.tags.size() > 3").relative())
                .isEqualTo(JsonPath.normalize("$[*] == \"a\" || $.size() > 3"));
        assertThat(match("\"a\" == $.tags[*]").keys()).containsExactly("tags");
        assertThat(match("$.tags[*] like_regex \"^a\" && exists ($.tags[1])").keys()).containsExactly("tags");
    }

    @Test
    void pathsAMemberCannotAnswerAreRefused() {
        assertThat(exists("strict $.tags[*] ? (@ == \"a\")")).as("strict").isNull();
        assertThat(exists("$[*] ? (@ == \"a\")")).as("no key").isNull();
        assertThat(exists("$ ? (@.tags == \"a\")")).as("$ alone").isNull();
        assertThat(exists("$.tags[*] ? (@ == $.brand)")).as("another key").isNull();
        assertThat(exists("$.tags.keyvalue()")).as("ids are document offsets").isNull();
        assertThat(exists("$.tags[*] == \"a\"")).as("a predicate is true on an empty sequence's result").isNull();
        assertThat(match("!($.tags[*] == \"a\")")).as("true without the member").isNull();
        assertThat(match("($.tags[*] == \"a\") is unknown")).isNull();
        assertThat(match("$.tags.size() + 1 == 2")).as("arithmetic on nothing").isNull();
        assertThat(match("1 == 1 || $.tags[*] == \"a\"")).as("no member at all").isNull();
        assertThat(match("$.tags[*]")).as("not a predicate").isNull();
    }

    @Test
    void theRelativePathOnTheMemberGivesThePathOnTheDocument() {
        List<String> documents = List.of("{\"tags\": [\"a\", \"b\"]}", "{\"tags\": [\"b\"]}", "{\"tags\": []}",
                "{\"tags\": \"a\"}", "{\"tags\": [[\"a\"], 1, null]}", "{\"tags\": {\"a\": 1}}",
                "{\"tags\": null, \"x\": \"a\"}", "{\"tags\": [\"a\", \"a\", \"c\", \"d\"]}");
        List<String> paths = List.of("$.tags[*] ? (@ == \"a\")", "$.tags ? (@ == \"a\")", "$.tags[last] ? (@ == \"a\")",
                "$.tags.size() ? (@ > 2)", "$.tags[*] ? (@ starts with \"a\")", "$.tags.type()");
        for (String text : paths) {
            JsonPath path = JsonPathParser.parse(text);
            MemberJsonPath member = MemberJsonPath.of(path, false);
            JsonPath relative = JsonPathParser.parse(member.relative());
            for (String document : documents) {
                var node = Jsonb.parse(document).toNode();
                var tags = Jsonb.parse(document).toNode() instanceof io.basalt.type.json.JsonNode.JsonObject object
                        ? object.get("tags") : null;
                assertThat(JsonPathEvaluator.exists(relative, tags, null, true))
                        .as("%s on %s", text, document)
                        .isEqualTo(JsonPathEvaluator.exists(path, node, null, true));
            }
        }
    }
}
