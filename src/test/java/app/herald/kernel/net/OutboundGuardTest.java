package app.herald.kernel.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboundGuardTest {

    /** Names resolve through this table only: nothing here asks a DNS server. */
    private static final Map<String, String[]> DNS = Map.of(
            "mastodon.example", new String[] {"203.0.113.10"},
            "hooks.example", new String[] {"2001:db8::10"},
            "rebind.example", new String[] {"203.0.113.11", "10.0.0.5"},
            "intranet.example", new String[] {"192.168.1.20"},
            "metadata.example", new String[] {"169.254.169.254"});

    private static InetAddress[] resolve(String host) {
        try {
            if (host.matches("[0-9.]+") || host.contains(":")) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            String[] found = DNS.get(host);
            if (found == null) {
                return new InetAddress[0];
            }
            InetAddress[] addresses = new InetAddress[found.length];
            for (int i = 0; i < found.length; i++) {
                addresses[i] = InetAddress.getByName(found[i]);
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OutboundGuard guard(String allow) {
        return new OutboundGuard(allow, OutboundGuardTest::resolve);
    }

    private static void refused(OutboundGuard guard, String address) {
        OutboundRefused refused = assertThrows(OutboundRefused.class, () -> guard.allowed(URI.create(address)), address);
        assertEquals("Herald cannot reach that address.", refused.getMessage(), "one message, whatever the reason");
    }

    @Test
    void byDefaultOnlyPublicAddressesOverHttpAndHttpsAreCalled() {
        OutboundGuard guard = guard("");
        assertEquals(URI.create("https://mastodon.example/api/v1/apps"),
                guard.allowed(URI.create("https://mastodon.example/api/v1/apps")));
        assertEquals(URI.create("http://[2001:db8::10]:8080/x"), guard.allowed(URI.create("http://[2001:db8::10]:8080/x")));
        guard.allowed(URI.create("https://hooks.example/hook"));
        for (String address : new String[] {
                "http://127.0.0.1:18999/x", "http://localhost/", "http://[::1]/", "http://10.1.2.3/",
                "http://172.16.0.1/", "http://192.168.0.10/", "http://169.254.169.254/latest/meta-data/",
                "http://metadata.example/", "http://[fd00:ec2::254]/", "http://[::ffff:127.0.0.1]/",
                "http://100.64.0.1/", "http://0.0.0.0/", "http://224.0.0.1/", "http://255.255.255.255/",
                "http://[fe80::1]/", "http://intranet.example/"}) {
            refused(guard, address);
        }
    }

    @Test
    void aNameWithAnyInternalAddressIsRefusedEvenBesideAPublicOne() {
        refused(guard(""), "https://rebind.example/hook");
    }

    @Test
    void otherSchemesUserInfoAndNamesThatDoNotResolveAreRefused() {
        OutboundGuard guard = guard("");
        for (String address : new String[] {"file:///etc/passwd", "gopher://mastodon.example/", "ftp://mastodon.example/",
                "jar:file:/x!/y", "https://user:pw@mastodon.example/", "https://nowhere.example/", "https:///path"}) {
            refused(guard, address);
        }
        assertThrows(OutboundRefused.class, () -> OutboundGuard.check("not a uri at all"));
    }

    @Test
    void theOperatorMayAllowRangesAndHostsForAPrivateDeployment() {
        OutboundGuard guard = guard("10.0.0.0/8, intranet.example,fd00::/8");
        guard.allowed(URI.create("http://10.1.2.3/hook"));
        guard.allowed(URI.create("http://intranet.example/hook"));
        guard.allowed(URI.create("http://[fd12::1]/hook"));
        refused(guard, "http://192.168.0.10/");
        refused(guard, "http://169.254.169.254/latest/meta-data/");
        refused(guard, "file:///etc/passwd");
    }

    @Test
    void anAllowListThatIsNotOneIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> guard("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> guard("10.0.0.0/x"));
    }
}
