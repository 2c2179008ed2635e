package io.spikelot.api.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Which webhook URLs the API may call: {@code http} or {@code https}, a host, no credentials, and (unless private
 * addresses are allowed) a host whose every address is public. Checked when a subscription is created and again
 * before every attempt, so a name that later resolves to a private address (DNS rebinding) is refused too. The
 * HTTP client resolves the same name right after the check and gets the JVM's cached answer, so both see the same
 * addresses.
 */
@Component
class WebhookUrls {

    /** Why a URL is refused, in words for the subscriber. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    static final int MAX_LENGTH = 2048;

    private final boolean allowPrivate;

    WebhookUrls(WebhookProperties properties) {
        this.allowPrivate = properties.allowPrivate();
    }

    /** The URL, parsed, if the API may call it now. */
    URI check(String url) throws Refused {
        URI uri = parse(url);
        if (!allowPrivate) {
            InetAddress[] addresses;
            try {
                addresses = InetAddress.getAllByName(uri.getHost());
            } catch (UnknownHostException e) {
                throw new Refused("host '" + uri.getHost() + "' does not resolve");
            }
            for (InetAddress address : addresses) {
                String why = notPublic(address);
                if (why != null) {
                    throw new Refused("host '" + uri.getHost() + "' resolves to " + why + " address "
                            + address.getHostAddress() + "; only public addresses may receive webhooks");
                }
            }
        }
        return uri;
    }

    /** The URL's form alone: scheme, host, no credentials, no fragment. */
    static URI parse(String url) throws Refused {
        if (url == null || url.isBlank()) {
            throw new Refused("is required");
        }
        if (url.length() > MAX_LENGTH) {
            throw new Refused("may have at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("must be an http or https URL");
        }
        if (uri.getRawUserInfo() != null
                || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new Refused("must not carry credentials; verify deliveries with the signature instead");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new Refused("must name a host");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("must not have a fragment");
        }
        return uri;
    }

    /** What kind of non-public address this is, or null for a public one. */
    static String notPublic(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "a loopback";
        }
        if (address.isAnyLocalAddress()) {
            return "an unspecified";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local (cloud metadata)";
        }
        if (address.isSiteLocalAddress()) {
            return "a private";
        }
        if (address.isMulticastAddress()) {
            return "a multicast";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || first >= 240) {
                return "a reserved";
            }
            if (first == 100 && second >= 64 && second < 128) {
                return "a shared (carrier-grade NAT)";
            }
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
                return "a reserved";
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return "a benchmarking";
            }
        } else if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "a private (unique local)";
            }
            if (isEmbeddedIpv4(b)) {
                try {
                    byte[] v4 = {b[12], b[13], b[14], b[15]};
                    String inner = notPublic(InetAddress.getByAddress(v4));
                    if (inner != null) {
                        return inner;
                    }
                } catch (UnknownHostException e) {
                    return "an unreadable";
                }
            }
        }
        return null;
    }

    /** IPv4-compatible ({@code ::a.b.c.d}) or NAT64 ({@code 64:ff9b::a.b.c.d}) addresses. */
    private static boolean isEmbeddedIpv4(byte[] b) {
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= b[i] == 0;
        }
        boolean nat64 =
                (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        return compatible || nat64;
    }
}
