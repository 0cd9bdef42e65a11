/** Where the host listens unless told otherwise: loopback only, so nothing is reachable by default. */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4180;
