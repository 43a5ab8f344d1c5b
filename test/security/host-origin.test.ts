import { describe, expect, it } from 'vitest';
import { hostName, isAllowedHost } from '../../server/security/hosts.js';
import { csrfVerdict } from '../../server/security/csrf.js';

describe('Host names', () => {
  it('reads the name out of a Host header', () => {
    expect(hostName('127.0.0.1:8080')).toBe('127.0.0.1');
    expect(hostName('[::1]:8080')).toBe('::1');
    expect(hostName('Soanthao.UBND.example.vn.')).toBe('soanthao.ubnd.example.vn');
    expect(hostName('[not-ip]:80')).toBeNull();
    expect(hostName('a:b:c')).toBeNull();
    expect(hostName('')).toBeNull();
  });

  it('allows IP addresses, localhost and configured names; a rebinding attacker’s name is none of those', () => {
    const names = ['soanthao.ubnd.example.vn'];
    for (const ok of ['127.0.0.1:8080', '192.168.1.20', '[::1]:8080', 'localhost:8080', 'soanthao.ubnd.example.vn:443']) expect(isAllowedHost(ok, names), ok).toBe(true);
    for (const bad of ['evil.example:8080', '127.0.0.1.nip.io', 'ubnd.example.vn', 'x.soanthao.ubnd.example.vn', '']) expect(isAllowedHost(bad, names), bad).toBe(false);
  });
});

describe('CSRF verdict', () => {
  const own = 'http://127.0.0.1:8080';
  const post = (h: { origin?: string; secFetchSite?: string; contentType?: string }, method = 'POST') =>
    csrfVerdict({ method, origin: h.origin, secFetchSite: h.secFetchSite, contentType: h.contentType, ownOrigin: own }).allowed;

  it('never blocks reading', () => {
    expect(post({ origin: 'https://evil.example', secFetchSite: 'cross-site' }, 'GET')).toBe(true);
    expect(post({ origin: 'https://evil.example' }, 'HEAD')).toBe(true);
  });

  it('trusts Sec-Fetch-Site when the browser sends it: only same-origin passes', () => {
    expect(post({ secFetchSite: 'same-origin', origin: own, contentType: 'application/json' })).toBe(true);
    for (const site of ['same-site', 'cross-site', 'none', 'bogus']) expect(post({ secFetchSite: site, origin: own }), site).toBe(false);
  });

  it('otherwise compares Origin with our own, port and scheme included', () => {
    expect(post({ origin: own, contentType: 'text/plain' })).toBe(true);
    expect(post({ origin: 'http://127.0.0.1:8081' })).toBe(false);
    expect(post({ origin: 'https://127.0.0.1:8080' })).toBe(false);
    expect(post({ origin: 'null' })).toBe(false);
  });

  it('lets a client without Origin through unless its content type is one a forged form could send', () => {
    expect(post({ contentType: 'application/json' }, 'PUT')).toBe(true);
    expect(post({ contentType: 'application/octet-stream' })).toBe(true);
    expect(post({}, 'DELETE')).toBe(true);
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'TEXT/PLAIN']) {
      expect(post({ contentType: type }), type).toBe(false);
    }
  });
});
