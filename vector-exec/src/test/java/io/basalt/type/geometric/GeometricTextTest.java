package io.basalt.type.geometric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.type.ByteString;
import io.basalt.type.TypeId;
import org.junit.jupiter.api.Test;

/**
 * Geometric text round trips: what PostgreSQL 15 accepts and prints for each type (the expected strings were
 * taken from it), and the coordinates stored for it.
 */
class GeometricTextTest {
    private static String roundTrip(String text, TypeId type) {
        return GeometricText.format(GeometricText.parse(text, type), type, 1);
    }

    @Test
    void readsEachFormAsPostgreSqlDoes() {
        assertThat(roundTrip(" ( Nan , NaN ) ", TypeId.POINT)).isEqualTo("(NaN,NaN)");
        assertThat(roundTrip("10.0,10.0", TypeId.POINT)).isEqualTo("(10,10)");
        assertThat(roundTrip("(1e+300,Inf)", TypeId.POINT)).isEqualTo("(1e+300,Infinity)");
        assertThat(roundTrip("1,4,3,2", TypeId.BOX)).isEqualTo("(3,4),(1,2)");
        assertThat(roundTrip("(1,2)", TypeId.PATH)).isEqualTo("((1,2))");
        assertThat(roundTrip("[(1,2),(3,4),(5,6)]", TypeId.PATH)).isEqualTo("[(1,2),(3,4),(5,6)]");
        assertThat(roundTrip("(1,2),(3,4)", TypeId.PATH)).isEqualTo("((1,2),(3,4))");
        assertThat(roundTrip("((1,2),(3,4))", TypeId.LSEG)).isEqualTo("[(1,2),(3,4)]");
        assertThat(roundTrip("(1,2),(3,4),(5,0)", TypeId.POLYGON)).isEqualTo("((1,2),(3,4),(5,0))");
        assertThat(roundTrip("((1,2),3)", TypeId.CIRCLE)).isEqualTo("<(1,2),3>");
        assertThat(roundTrip("[(0,0),(1,1)]", TypeId.LINE)).isEqualTo("{1,-1,0}");
    }

    @Test
    void storesPackedCoordinates() {
        ByteString box = GeometricText.parse("(1,4),(3,2)", TypeId.BOX);
        assertThat(box.length()).isEqualTo(32);
        assertThat(Geometry.coordinates(box, TypeId.BOX)).containsExactly(3, 4, 1, 2);
        ByteString path = GeometricText.parse("[(1,2),(3,4)]", TypeId.PATH);
        assertThat(Geometry.isClosed(path)).isFalse();
        assertThat(Geometry.coordinates(path, TypeId.PATH)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void refusesWhatPostgreSqlRefuses() {
        assertThatThrownBy(() -> GeometricText.parse("(1,2", TypeId.POINT)).isInstanceOf(BasaltException.class)
                .hasMessage("invalid input syntax for type point: \"(1,2\"");
        assertThatThrownBy(() -> GeometricText.parse("[(1,2),(3,4)]", TypeId.BOX))
                .hasMessage("invalid input syntax for type box: \"[(1,2),(3,4)]\"");
        assertThatThrownBy(() -> GeometricText.parse("(1e400,2)", TypeId.POINT))
                .hasMessage("\"1e400\" is out of range for type double precision");
        assertThatThrownBy(() -> GeometricText.parse("<(1,2),-3>", TypeId.CIRCLE))
                .hasMessage("invalid input syntax for type circle: \"<(1,2),-3>\"");
    }
}
