package app.herald.kernel.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The one check every address Herald calls passes first: a Mastodon server or a Bluesky server someone typed, a
 * webhook URL, and whatever address a network hands back. Only http and https; the host is resolved, and refused if
 * any of its addresses is loopback, private, link-local (cloud metadata lives at 169.254.169.254), unique-local,
 * carrier-grade NAT, multicast or unspecified, unless the operator allows it (herald.outbound.allow: CIDR ranges and
 * host names, for private deployments and for tests with loopback servers). Redirects are never followed by Herald's
 * HTTP client, so the checked address is the one called; the JVM caches the answer it checked (30 s, the JDK's
 * default without a security manager), so the connection goes to the address that was checked even when the name's
 * DNS answer changes right after (rebinding).
 */
public final class OutboundGuard {

    private static volatile OutboundGuard current = new OutboundGuard(
            System.getProperty("herald.outbound.allow", ""), OutboundGuard::resolve);

    private final List<Cidr> allowedRanges = new ArrayList<>();
    private final List<String> allowedHosts = new ArrayList<>();
    private final Function<String, InetAddress[]> resolver;

    OutboundGuard(String allow, Function<String, InetAddress[]> resolver) {
        this.resolver = resolver;
        for (String entry : allow.split(",")) {
            String e = entry.strip().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            if (e.contains("/")) {
                allowedRanges.add(Cidr.parse(e));
            } else {
                allowedHosts.add(e);
            }
        }
    }

    /** The guard in force; set once at start-up from configuration ({@link #configure}). */
    public static OutboundGuard current() {
        return current;
    }

    /** Replaces the operator's allow-list: comma-separated CIDR ranges and host names; empty allows no private one. */
    public static void configure(String allow) {
        current = new OutboundGuard(allow == null ? "" : allow, OutboundGuard::resolve);
    }

    /** Checks an address before Herald calls it; throws {@link OutboundRefused} for one it must not call. */
    public static URI check(URI address) {
        return current.allowed(address);
    }

    /** As {@link #check(URI)}, for an address as a person typed it. */
    public static URI check(String address) {
        URI uri;
        try {
            uri = URI.create(address == null ? "" : address.strip());
        } catch (IllegalArgumentException e) {
            throw new OutboundRefused("not a URI: " + address);
        }
        return check(uri);
    }

    URI allowed(URI address) {
        String scheme = address.getScheme() == null ? "" : address.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new OutboundRefused("scheme " + scheme + " of " + address);
        }
        String host = address.getHost();
        if (host == null || host.isBlank() || address.getUserInfo() != null) {
            throw new OutboundRefused("no plain host in " + address);
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        InetAddress[] addresses = resolver.apply(name);
        if (addresses == null || addresses.length == 0) {
            throw new OutboundRefused("no address for " + name);
        }
        if (allowedHosts.contains(name)) {
            return address;
        }
        for (InetAddress a : addresses) {
            if (isInternal(a) && allowedRanges.stream().noneMatch(r -> r.contains(a))) {
                throw new OutboundRefused(name + " resolves to internal address " + a.getHostAddress());
            }
        }
        return address;
    }

    /** Loopback, private, link-local, unique-local, carrier-grade NAT, multicast, unspecified or mapped to one. */
    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT, 100.64/10
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking, 198.18/15
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // unique-local fc00::/7 (fd00:ec2::254 is a cloud metadata address)
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException impossible) {
                    return true;
                }
            }
        }
        return false;
    }

    private static InetAddress[] resolve(String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return new InetAddress[0];
        }
    }

    /** An address range written as address/prefix-length. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.split("/", 2);
            try {
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                int prefix = Integer.parseInt(parts[1]);
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("prefix out of range");
                }
                return new Cidr(network, prefix);
            } catch (UnknownHostException | IllegalArgumentException e) {
                throw new IllegalArgumentException("herald.outbound.allow: \"" + text + "\" is not a CIDR range such "
                        + "as 10.0.0.0/8 or fd00::/8");
            }
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((a[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
