/** The app's pages, from a URL path. Pure, so that it is tested without a browser. */
export type Route =
  | { name: 'home' }
  | { name: 'login' }
  | { name: 'fill'; recordId: string }
  | { name: 'record'; recordId: string }
  | { name: 'not-found' };

export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'home' };
  if (path === '/login') return { name: 'login' };
  const fill = /^\/records\/([^/]+)\/fill$/.exec(path);
  if (fill?.[1]) return { name: 'fill', recordId: safeDecode(fill[1]) };
  const view = /^\/records\/([^/]+)$/.exec(path);
  if (view?.[1]) return { name: 'record', recordId: safeDecode(view[1]) };
  return { name: 'not-found' };
}

export const paths = {
  home: () => '/',
  login: () => '/login',
  fill: (recordId: string) => `/records/${encodeURIComponent(recordId)}/fill`,
  record: (recordId: string) => `/records/${encodeURIComponent(recordId)}`,
};

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
