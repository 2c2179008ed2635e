package io.spikelot.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses and URLs webhooks may reach; no network needed (literal addresses only). */
class WebhookUrlsTest {

    private static WebhookUrls guard(boolean allowPrivate) {
        return new WebhookUrls(new WebhookProperties(
                allowPrivate,
                Duration.ofSeconds(10),
                Duration.ofSeconds(10),
                Duration.ofHours(1),
                Duration.ofHours(24),
                Duration.ofSeconds(1),
                16,
                262144,
                25,
                Duration.ofDays(7),
                1000));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.8.9.10",
                "::1",
                "0.0.0.0",
                "::",
                "10.0.0.1",
                "172.16.5.4",
                "172.31.255.255",
                "192.168.0.1",
                "169.254.169.254",
                "fe80::1",
                "fc00::1",
                "fd00:ec2::254",
                "100.64.0.1",
                "100.127.255.254",
                "224.0.0.1",
                "ff02::1",
                "240.0.0.1",
                "255.255.255.255",
                "::ffff:10.0.0.1",
                "::127.0.0.1",
                "64:ff9b::a9fe:a9fe",
                "198.18.0.1",
                "192.0.0.170"
            })
    void nonPublicAddressesAreRefused(String address) throws Exception {
        assertThat(WebhookUrls.notPublic(InetAddress.getByName(address)))
                .as(address)
                .isNotNull();
        assertThatThrownBy(() -> guard(false).check("https://" + bracket(address) + "/hook"))
                .isInstanceOf(WebhookUrls.Refused.class)
                .hasMessageContaining("only public addresses");
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.10", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888"})
    void publicAddressesAreAccepted(String address) throws Exception {
        assertThat(WebhookUrls.notPublic(InetAddress.getByName(address)))
                .as(address)
                .isNull();
        assertThat(guard(false)
                        .check("https://" + bracket(address) + ":8443/hook?x=1")
                        .getHost())
                .isNotNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://203.0.113.10/",
                "file:///etc/passwd",
                "gopher://203.0.113.10/",
                "https://u:p@203.0.113.10/",
                "https://u@203.0.113.10/",
                "http:///path",
                "https://203.0.113.10/#frag",
                "not a url",
                "",
                "javascript:alert(1)"
            })
    void badFormsAreRefusedEvenWhenPrivateAddressesAreAllowed(String url) {
        assertThatThrownBy(() -> guard(true).check(url)).isInstanceOf(WebhookUrls.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.0.0.1/"})
    void privateAddressesPassWhenAllowed(String url) throws Exception {
        assertThat(guard(true).check(url)).isNotNull();
    }

    private static String bracket(String address) {
        return address.contains(":") ? "[" + address + "]" : address;
    }
}
