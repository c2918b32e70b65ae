import type { ComponentChildren, VNode } from 'preact';
import { Page, type AdminSection, type Viewer } from './layout.js';

/**
 * A new secret (a token) shown this once: what it is, why only now, the field to copy it from
 * (the pages run no script: no copy button) and the way back. Never cached (htmlResult).
 */
export function NewSecretPage(props: { viewer: Viewer; section: AdminSection; title: string; heading: string; label: string; secret: string; back: string; children: ComponentChildren }): VNode {
  return (
    <Page title={props.title} viewer={props.viewer} section={props.section} narrow>
      <div class="card">
        <h1>{props.heading}</h1>
        <p role="status">{props.children}</p>
        <label for="new-token">{props.label}</label>
        <input type="text" id="new-token" class="secret" value={props.secret} readonly />
        <div class="actions">
          <a class="button" href={props.back}>
            Done
          </a>
        </div>
      </div>
    </Page>
  );
}
