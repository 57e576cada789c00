// The one `fetch` for HTTP the action makes itself (the registry read-back, and whatever
// else needs plain requests): routed exactly as @actions/http-client routes on the runner.
// The proxy for each URL comes from http-client's own getProxyUrl (https_proxy/HTTPS_PROXY
// for https URLs, http_proxy/HTTP_PROXY for http ones, lower case first; NO_PROXY by host,
// host:port, `.suffix`, bare domain or `*`; localhost and 127.* always direct), and the
// request goes through undici's ProxyAgent, the dispatcher http-client and Octokit use.
//
// Why not Node's global fetch: Node 20 ignores the proxy variables (NODE_USE_ENV_PROXY needs
// Node ≥ 22.21 and has other NO_PROXY rules). Why undici's own fetch: a dispatcher must come
// from the same undici as the fetch that uses it, and Node's bundled undici is another copy
// (6.24 in Node 20.20, 7.x in Node 24) than the npm one http-client brings. undici is parsed at
// start-up anyway (@actions/core → http-client imports it), so this adds no start-up time.
import { getProxyUrl } from '@actions/http-client'
import { fetch as undiciFetch, ProxyAgent, type Dispatcher } from 'undici'

/** The fetch signature the HTTP adapters take (so tests can pass their own). */
export type Fetch = typeof fetch

/**
 * A fetch whose requests go through the proxy @actions/http-client would pick for each
 * URL, or straight to the server when it would go direct. ProxyAgents are kept per proxy
 * URL (http and https may use different proxies), so connections to the proxy are reused.
 * The proxy's own credentials (`http://user:pass@proxy:3128`) go in Proxy-Authorization, as
 * http-client sends them.
 */
export function proxyAwareFetch(): Fetch {
  const agents = new Map<string, Dispatcher>()
  const dispatcherFor = (url: string): Dispatcher | undefined => {
    const proxy = getProxyUrl(url)
    if (!proxy) return undefined
    let agent = agents.get(proxy)
    if (!agent) {
      const parsed = new URL(proxy)
      const user = decodeURIComponent(parsed.username)
      const password = decodeURIComponent(parsed.password)
      agent =
        user || password
          ? new ProxyAgent({
              uri: proxy,
              token: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
            })
          : new ProxyAgent({ uri: proxy })
      agents.set(proxy, agent)
    }
    return agent
  }
  const proxied = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const dispatcher = dispatcherFor(url)
    // undici's Response is the WHATWG Response the adapters read (status, headers, body).
    return undiciFetch(url, {
      ...(init as Parameters<typeof undiciFetch>[1]),
      ...(dispatcher ? { dispatcher } : {})
    }) as unknown as Promise<Response>
  }
  return proxied as Fetch
}

/** The proxy a request to `url` goes through ('' when direct), for the log. */
export function proxyFor(url: string): string {
  const proxy = getProxyUrl(url)
  if (!proxy) return ''
  const shown = new URL(proxy)
  // Never print the proxy's credentials.
  shown.username = ''
  shown.password = ''
  return shown.origin
}
