package seckill.students;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

/** {@code --students [ADDR:]PORT}, and where the server listens without ADDR. */
class StudentsAddressTest {
    @Test
    void readsAPortAloneAnAddressAndAPortAndIpv6InBrackets() {
        assertThat(StudentsAddress.parse("8080")).isEqualTo(new StudentsAddress(null, 8080));
        assertThat(StudentsAddress.parse("0")).isEqualTo(StudentsAddress.anyPort());
        assertThat(StudentsAddress.parse("192.168.1.20:80")).isEqualTo(new StudentsAddress("192.168.1.20", 80));
        assertThat(StudentsAddress.parse("[::1]:9000")).isEqualTo(new StudentsAddress("::1", 9000));
        assertThat(StudentsAddress.parse("localhost:65535").toString()).isEqualTo("localhost:65535");
    }

    @Test
    void refusesWhatIsNotAnAddressAndAPortNamingTheForm() {
        for (String bad : new String[] {"65536", "x", ":80", "1.2.3.4:", "[::1]", "a b:80", "80:80:80"}) {
            assertThatThrownBy(() -> StudentsAddress.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[ADDR:]PORT");
        }
    }

    @Test
    void withoutAnAddressListensOnTheDefaultRoutesAddressNeverTheWildcard() {
        StringBuilder warned = new StringBuilder();
        InetAddress bound = StudentsAddress.anyPort().bindAddress(warned::append);
        assertThat(bound.isAnyLocalAddress()).isFalse();
        InetAddress route = StudentsAddress.defaultRoute();
        if (route != null) {
            assertThat(bound).isEqualTo(route);
            assertThat(warned).isEmpty();
        } else {
            assertThat(bound.isLoopbackAddress()).isTrue();
            assertThat(warned.toString()).contains("127.0.0.1");
        }
        assertThat(new StudentsAddress("0.0.0.0", 0).bindAddress(warned::append).isAnyLocalAddress()).isTrue();
    }
}
