import net from 'node:net';

// The administrators' IP allowlist (SEC-12): CIDRs matched with Node's own net.BlockList, which
// handles IPv4 and IPv6 prefixes. The client address is request.ip, which Fastify derives from
// X-Forwarded-For only through the proxies LVZHI_TRUST_PROXY trusts.

/** `::ffff:10.1.2.3` (an IPv4 client on a dual-stack socket) is the IPv4 address it carries. */
export function normalizeIp(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped ? mapped[1]! : ip;
}

/**
 * Parses `10.0.0.0/8`, `2001:db8::/32` or a bare address (one host) into its canonical text, or null
 * when it is not a valid CIDR. Host bits are kept as written (BlockList masks them).
 */
export function parseCidr(text: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6'; canonical: string } | null {
  const trimmed = text.trim();
  const [rawAddress, rawPrefix, ...rest] = trimmed.split('/');
  if (rest.length > 0 || !rawAddress) return null;
  const address = normalizeIp(rawAddress);
  const version = net.isIP(address);
  if (version === 0) return null;
  const max = version === 4 ? 32 : 128;
  if (rawPrefix !== undefined && !/^\d{1,3}$/.test(rawPrefix)) return null;
  const prefix = rawPrefix === undefined ? max : Number(rawPrefix);
  if (prefix > max) return null;
  const family = version === 4 ? 'ipv4' : 'ipv6';
  return { address, prefix, family, canonical: `${address.toLowerCase()}/${prefix}` };
}

export interface IpAllowlist {
  /** True when the list is empty (no restriction) or the address falls in one of its ranges. */
  allows(ip: string | null | undefined): boolean;
}

/** Builds a matcher; entries that do not parse (none pass the policy's validation) match nothing. */
export function ipAllowlist(cidrs: readonly string[]): IpAllowlist {
  if (cidrs.length === 0) return { allows: () => true };
  const list = new net.BlockList();
  for (const cidr of cidrs) {
    const parsed = parseCidr(cidr);
    if (parsed) list.addSubnet(parsed.address, parsed.prefix, parsed.family);
  }
  return {
    allows(ip) {
      if (!ip) return false;
      const address = normalizeIp(ip);
      const version = net.isIP(address);
      if (version === 0) return false;
      return list.check(address, version === 4 ? 'ipv4' : 'ipv6');
    },
  };
}

// One matcher per distinct list: the guard asks on every administrator request.
let cached: { key: string; matcher: IpAllowlist } | null = null;

export function adminIpAllowed(cidrs: readonly string[], ip: string | null | undefined): boolean {
  if (cidrs.length === 0) return true;
  const key = cidrs.join(',');
  if (cached?.key !== key) cached = { key, matcher: ipAllowlist(cidrs) };
  return cached.matcher.allows(ip);
}
