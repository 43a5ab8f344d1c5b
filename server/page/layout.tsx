import type { FC, PropsWithChildren } from 'hono/jsx';

/** The page shell: every asset is served by soanthao itself (no CDN), so it works on a closed office network. */
export const Layout: FC<PropsWithChildren<{ title: string; script?: string }>> = ({ title, script = 'app.js', children }) => (
  <html lang="vi">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      <link rel="icon" href="/assets/icon.svg" type="image/svg+xml" />
      <link rel="stylesheet" href="/assets/app.css" />
      <link rel="modulepreload" href="/assets/dom.js" />
    </head>
    <body>
      {children}
      <script type="module" src={`/assets/${script}`}></script>
    </body>
  </html>
);
