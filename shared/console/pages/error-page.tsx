import type { VNode } from 'preact';
import { Page } from '../components/layout.js';

export function ErrorPage({ status, message, requestId }: { status: number; message: string; requestId: string }): VNode {
  const title = status === 404 ? 'Page not found' : status >= 500 ? 'Something went wrong' : 'That did not work';
  return (
    <Page title={title} narrow>
      <div class="card">
        <h1>{title}</h1>
        <p role="alert">{message}</p>
        <p class="muted">Request id {requestId}</p>
        <div class="actions">
          <a class="button" href="/console">Back to Roster</a>
        </div>
      </div>
    </Page>
  );
}
