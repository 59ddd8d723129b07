// The canvas is tldraw and React, an island of the browser alone: nothing to render on the server.
export const ssr = false;
