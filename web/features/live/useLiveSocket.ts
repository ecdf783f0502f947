import { useEffect, useRef, useState } from 'react';

export type SocketStatus = 'connecting' | 'open' | 'reconnecting';

/** Waits between reconnect attempts: 1 s doubling to 30 s, with jitter so many monitors do not reconnect in step. */
export function reconnectDelay(attempt: number): number {
  const base = Math.min(30_000, 1000 * 2 ** attempt);
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

export function socketUrl(path: string): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${path}`;
}

/**
 * A WebSocket that stays connected: when it drops it reconnects with backoff, and each new connection starts over
 * (the server sends a fresh snapshot). Messages are parsed JSON, handed to the latest `onMessage`.
 */
export function useLiveSocket(path: string, onMessage: (message: unknown) => void): SocketStatus {
  const [status, setStatus] = useState<SocketStatus>('connecting');
  const handler = useRef(onMessage);
  handler.current = onMessage;

  useEffect(() => {
    let socket: WebSocket | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let stopped = false;

    const connect = () => {
      socket = new WebSocket(socketUrl(path));
      socket.onopen = () => {
        attempt = 0;
        setStatus('open');
      };
      socket.onmessage = (event) => {
        try {
          handler.current(JSON.parse(String(event.data)));
        } catch {
          // A message this version does not understand is skipped, not fatal.
        }
      };
      socket.onclose = () => {
        if (stopped) return;
        setStatus('reconnecting');
        timer = setTimeout(connect, reconnectDelay(attempt++));
      };
    };
    setStatus('connecting');
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      socket?.close();
    };
  }, [path]);

  return status;
}
