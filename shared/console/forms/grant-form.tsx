import type { VNode } from 'preact';
import type { CompanyConfig } from '../../store/company-config.js';
import { NO_DATA_CAPTURE, type DataCaptureSettings, type Grant } from '../../people/company/settings-model.js';
import { checkedUnder } from './form-values.js';

const CHANNELS = [
  ['calendarMeetings', 'Calendar meetings'],
  ['telephonyCalls', 'Telephony calls'],
  ['emails', 'Emails'],
  ['mobileCalls', 'Mobile calls'],
] as const satisfies ReadonlyArray<readonly [Exclude<keyof DataCaptureSettings, 'webConferences'>, string]>;

const WEB_CONFERENCES = [
  ['record', 'Record'],
  ['doNotRecord', 'Do not record'],
  ['neverRecord', 'Never record'],
] as const satisfies ReadonlyArray<readonly [DataCaptureSettings['webConferences'], string]>;

/**
 * A grant's fields as a form sends them: `seat.<id>=on`, `permission.<workspace id>=<profile id>`,
 * `dc.<channel>=on` and `dc.webConferences` (one name per value: the console refuses repeated names).
 * The result goes through the domain's grant schema; unknown ids are refused by the domain.
 */
export function grantFromForm(params: Record<string, string>): Grant {
  return {
    seatTypeIds: checkedUnder(params, 'seat.'),
    permissions: Object.fromEntries(
      Object.entries(params)
        .filter(([name, value]) => name.startsWith('permission.') && value)
        .map(([name, value]) => [name.slice('permission.'.length), value]),
    ),
    dataCapture: {
      webConferences: (params['dc.webConferences'] ?? 'doNotRecord') as DataCaptureSettings['webConferences'],
      ...Object.fromEntries(CHANNELS.map(([channel]) => [channel, params[`dc.${channel}`] === 'on'])),
    } as DataCaptureSettings,
  };
}

/** Seats, a permission profile per workspace and data capture: the fields of a grant. */
export function GrantFields({ grant, config, idPrefix }: { grant: Grant; config: CompanyConfig; idPrefix: string }): VNode {
  const dataCapture = { ...NO_DATA_CAPTURE, ...grant.dataCapture };
  return (
    <>
      <fieldset>
        <legend>Seat types</legend>
        {config.seatTypes.length === 0 && <p class="muted">No seat types yet: ask Roster support to add the seats your company bought.</p>}
        {config.seatTypes.map((seat) => (
          <label class="check" key={seat.id}>
            <input type="checkbox" name={`seat.${seat.id}`} checked={grant.seatTypeIds.includes(seat.id)} />
            <span>
              {seat.name} <span class="muted">({Math.max(0, seat.total - seat.inUse)} of {seat.total} free)</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Workspace permission profiles</legend>
        {config.workspaces.length === 0 && <p class="muted">No workspaces yet.</p>}
        {config.workspaces.map((workspace) => (
          <div key={workspace.id}>
            <label for={`${idPrefix}-ws-${workspace.id}`}>{workspace.name}</label>
            <select id={`${idPrefix}-ws-${workspace.id}`} name={`permission.${workspace.id}`}>
              <option value="">No access</option>
              {workspace.permissionProfiles.map((profile) => (
                <option key={profile.id} value={profile.id} selected={grant.permissions[workspace.id] === profile.id}>
                  {profile.name}
                  {profile.requiresSeatTypeId ? ` (needs a ${config.seatTypes.find((seat) => seat.id === profile.requiresSeatTypeId)?.name ?? 'specific'} seat)` : ''}
                </option>
              ))}
            </select>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>Data capture</legend>
        <label for={`${idPrefix}-web`}>Web conferences</label>
        <select id={`${idPrefix}-web`} name="dc.webConferences">
          {WEB_CONFERENCES.map(([value, label]) => (
            <option key={value} value={value} selected={dataCapture.webConferences === value}>
              {label}
            </option>
          ))}
        </select>
        {CHANNELS.map(([channel, label]) => (
          <label class="check" key={channel}>
            <input type="checkbox" name={`dc.${channel}`} checked={dataCapture[channel]} />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
    </>
  );
}

/** A grant in words, for lists. */
export function grantSummary(grant: Grant, config: CompanyConfig): { seats: string; permissions: string; dataCapture: string } {
  const seats = grant.seatTypeIds.map((id) => config.seatTypes.find((seat) => seat.id === id)?.name ?? id);
  const permissions = Object.entries(grant.permissions).map(([workspaceId, profileId]) => {
    const workspace = config.workspaces.find((candidate) => candidate.id === workspaceId);
    const profile = workspace?.permissionProfiles.find((candidate) => candidate.id === profileId);
    return `${workspace?.name ?? workspaceId}: ${profile?.name ?? profileId}`;
  });
  const channels = [
    ...(grant.dataCapture.webConferences === 'record' ? ['web conferences'] : []),
    ...CHANNELS.filter(([channel]) => grant.dataCapture[channel]).map(([, label]) => label.toLowerCase()),
  ];
  return { seats: seats.join(', ') || 'None', permissions: permissions.join('; ') || 'None', dataCapture: channels.length ? `Records ${channels.join(', ')}` : 'Off' };
}
