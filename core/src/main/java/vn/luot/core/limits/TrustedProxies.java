package vn.luot.core.limits;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The reverse proxies (a load balancer in front of several nodes, the centre's gateway) whose word is
 * taken for the client's address: the {@code server.trustedProxies} setting, subnets such as
 * {@code 10.0.0.0/8}, {@code 192.0.2.1} or {@code fd00::/8}.
 *
 * <p>A request whose TCP peer is not one of them comes from that peer, whatever its
 * {@code X-Forwarded-For} says: anyone can write that header, so believing it from anyone would let a
 * client choose a new address, and a fresh allowance, with each request. When the peer is trusted, the
 * header is read from its right end (the hop nearest to us) leftwards, past the addresses of trusted
 * proxies, to the first that is not one: that is the client. An entry that is not an IP address ends the
 * walk at the hop that wrote it. Subnets are matched with Netty's {@link IpSubnetFilterRule}; addresses
 * are parsed with {@link NetUtil}, which never asks the DNS.
 */
public final class TrustedProxies {
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<IpSubnetFilterRule> subnets;

    private TrustedProxies(List<IpSubnetFilterRule> subnets) {
        this.subnets = subnets;
    }

    /** @throws BadEntry for the first entry that is not an address or a subnet */
    public static TrustedProxies of(List<String> written) {
        List<IpSubnetFilterRule> subnets = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            try {
                subnets.add(subnet(written.get(i)));
            } catch (IllegalArgumentException e) {
                throw new BadEntry(i, e.getMessage());
            }
        }
        return new TrustedProxies(List.copyOf(subnets));
    }

    /** An entry of the list that is not an address or a subnet, with its place in the list. */
    public static final class BadEntry extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int index;

        BadEntry(int index, String message) {
            super(message);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    private static IpSubnetFilterRule subnet(String entry) {
        String text = entry == null ? "" : entry.trim();
        int slash = text.indexOf('/');
        InetAddress address = NetUtil.createInetAddressFromIpAddressString(slash < 0 ? text : text.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("must be an IP address or a subnet such as 10.0.0.0/8, got '" + entry + "'");
        }
        int bits = address.getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("the prefix of '" + entry + "' must be a number from 0 to " + bits);
        }
        return new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT);
    }

    public boolean isEmpty() {
        return subnets.isEmpty();
    }

    /**
     * @param peer         the TCP peer's address
     * @param forwardedFor the request's {@code X-Forwarded-For} values, in the order they came
     * @return the client's address, written the way Java writes it
     */
    public String clientOf(String peer, List<String> forwardedFor) {
        InetAddress peerAddress = parse(peer);
        if (peerAddress == null) {
            return peer == null ? "" : peer;
        }
        InetAddress client = peerAddress;
        if (!trusted(client)) {
            return client.getHostAddress();
        }
        List<String> hops = hops(forwardedFor);
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = parse(hops.get(i));
            if (hop == null) {
                break;
            }
            client = hop;
            if (!trusted(hop)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    private boolean trusted(InetAddress address) {
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        for (IpSubnetFilterRule subnet : subnets) {
            if (subnet.matches(socket)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> hops(List<String> forwardedFor) {
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        return hops;
    }

    /** An IPv4 or IPv6 address (an IPv6 one may come in brackets); null for anything else. */
    private static InetAddress parse(String text) {
        if (text == null) {
            return null;
        }
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        return NetUtil.createInetAddressFromIpAddressString(bare);
    }
}
