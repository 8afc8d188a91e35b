package io.basalt.type.textsearch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link EnglishStemmer} gives PostgreSQL's {@code english_stem} stems: word:stem pairs taken from PostgreSQL 15's
 * {@code ts_lexize('english_stem', word)} for a sample of the seeds' words and the algorithm's special cases
 * ("-" marks a stop word, which the configuration drops before stemming).
 */
class EnglishStemmerTest {
    private static final String PAIRS = """
            achieve:achiev addresses:address against:- ahead:ahead also:also ancestors:ancestor anything:anyth
            aptly:apt archived:archiv attempt:attempt authorization:author automatically:automat avoid:avoid
            avoided:avoid basics:basic became:becam become:becom beginning:begin behavior:behavior below:-
            benefit:benefit bigserial:bigseri breadcrumb:breadcrumb bugs:bug cache:cach cardinality:cardin
            careful:care cascade:cascad cat:cat catches:catch chars:char cheaper:cheaper cmin:cmin codd:codd
            combination:combin comes:come commas:comma comments:comment community:communiti complete:complet
            computers:comput concerned:concern configuration:configur conformance:conform considered:consid
            constrain:constrain contained:contain conversion:convers copies:copi counter:counter currently:current
            customers:custom data:data date:date daylight:daylight defense:defens dependency:depend
            developing:develop difference:differ discount:discount doesif:doesif drops:drop edgar:edgar email:email
            endured:endur ensuing:ensu equivalent:equival error:error event:event every:everi example:exampl
            except:except exclusion:exclus expect:expect facebook:facebook fact:fact field:field first:first
            followed:follow following:follow forma:forma framework:framework frequent:frequent frequently:frequent
            furthermore:furthermor generally:general generic:generic gin:gin great:great guess:guess
            guidelines:guidelin guides:guid happen:happen hard:hard help:help hence:henc here:- hold:hold home:home
            identical:ident identifier:identifi included:includ indexing:index informed:inform inheritance:inherit
            insertion:insert instance:instanc internal:intern interrelated:interrel joe:joe joins:join json:json
            jsonb:jsonb keep:keep laptops:laptop later:later less:less level:level limited:limit linked:link
            local:local localhost:localhost maintenance:mainten management:manag massive:massiv means:mean
            meantime:meantim measurements:measur merged:merg merging:merg message:messag modification:modif
            month:month most:- moved:move moves:move multi:multi must:must myapp:myapp mydb:mydb mytable:mytabl
            named:name needed:need neither:neither none:none notes:note null:null oids:oid oltp:oltp once:-
            operators:oper optimized:optim otherwise:otherwis outage:outag outletid:outletid overhead:overhead
            overlaps:overlap oxfordshire:oxfordshir parameter:paramet partitions:partit pass:pass password:password
            persist:persist phone:phone picks:pick point:point possibilities:possibl probably:probabl
            processed:process proper:proper providers:provid psql:psql put:put qualification:qualif ratings:rate
            referencing:referenc referential:referenti refers:refer remain:remain remainder:remaind remove:remov
            replace:replac representation:represent resolved:resolv respective:respect respectively:respect
            revenue:revenu revoked:revok roles:role rolled:roll saving:save scan:scan score:score search:search
            see:see select:select serial:serial server:server shared:share sharing:share sign:sign simplest:simplest
            simultaneously:simultan sku:sku smooth:smooth space:space spam:spam speak:speak specifying:specifi
            staff:staff standard:standard strictest:strictest subqueries:subqueri substantial:substanti
            supplies:suppli systems:system tagging:tag that:- the:- theme:theme there:- time:time
            timestamps:timestamp trigger:trigger tsvector:tsvector two:two ugly:ugli undoneisolation:undoneisol
            unless:unless unwise:unwis vacuum:vacuum variant:variant violates:violat whether:whether wide:wide
            with:- worth:worth wrap:wrap wrong:wrong yet:yet generalization:general skies:sky dying:die early:earli
            inning:inning proceed:proceed cried:cri ties:tie gaps:gap kiwis:kiwi gas:gas this:- hopping:hop
            hoped:hope agreed:agre feed:feed luxuriating:luxuri sensational:sensat atlas:atlas news:news
            communism:communism arsenal:arsenal yelling:yell yoyo:yoyo sayings:say
            """;

    @Test
    void stemsAsPostgreSql() {
        int checked = 0;
        for (String pair : PAIRS.trim().split("\\s+")) {
            String[] parts = pair.split(":");
            String expected = parts[1].equals("-") ? null : parts[1];
            assertThat(TextSearchConfiguration.ENGLISH.lexeme(parts[0], false)).as(parts[0]).isEqualTo(expected);
            checked++;
        }
        assertThat(checked).isGreaterThan(250);
    }

    @Test
    void simpleOnlyLowerCases() {
        assertThat(TextSearchConfiguration.SIMPLE.lexeme("The", false)).isEqualTo("the");
        assertThat(TextSearchConfiguration.ENGLISH.lexeme("3.14", true)).isEqualTo("3.14");
    }
}
