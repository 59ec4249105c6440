import type { IncomingHttpHeaders } from 'node:http';

/**
 * The client's IP, for per-IP rate limits. Behind a reverse proxy (`trustProxy`), it is read from
 * X-Forwarded-For the same way Express reads `req.ip`: `true` takes the left-most address, a
 * number N trusts N proxy hops from the right. Untrusted, the header is ignored — anyone can set it.
 *
 * @example clientAddress(socket.handshake.address, socket.handshake.headers, config.trustProxy)
 */
export function clientAddress(remote: string | undefined, headers: IncomingHttpHeaders, trustProxy: boolean | number): string {
  const direct = stripIpv4Mapping(remote ?? 'unknown');
  if (trustProxy === false || trustProxy === 0) return direct;
  const header = headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (forwarded.length === 0) return direct;
  if (trustProxy === true) return stripIpv4Mapping(forwarded[0]!);
  const chain = [...forwarded, direct];
  return stripIpv4Mapping(chain[Math.max(0, chain.length - 1 - trustProxy)]!);
}

function stripIpv4Mapping(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
