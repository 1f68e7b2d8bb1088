import { HttpClient } from '@actions/http-client';
import { fetch as undiciFetch, type RequestInit as UndiciInit } from 'undici';

// GitHub requests through a configured proxy, as @actions/github sends them: undici's fetch with
// @actions/http-client's proxy agent (https_proxy / http_proxy, no_proxy). Loaded only when a proxy
// variable is set (src/github/client.ts), so runs without one never parse undici.
export function proxiedFetch(baseUrl: string): typeof fetch {
  const dispatcher = new HttpClient().getAgentDispatcher(baseUrl);
  return (async (url: string | URL, init?: RequestInit) =>
    undiciFetch(url, { ...(init as UndiciInit), dispatcher })) as unknown as typeof fetch;
}
