import type { CuratedPort } from './entry.js';
import { databasePorts } from './databases.js';
import { devicePorts } from './devices.js';
import { devopsPorts } from './devops.js';
import { directoryPorts } from './directory.js';
import { fileSharingPorts } from './file-sharing.js';
import { mailPorts } from './mail.js';
import { networkServicePorts } from './network-services.js';
import { remoteAccessPorts } from './remote-access.js';
import { tunnelAndVoicePorts } from './tunnels-voice.js';
import { webAlternatePorts } from './web-alternates.js';
import { webPorts } from './web.js';

export type { CuratedPort } from './entry.js';

/** Every curated entry; together they make up the `common` port list. */
export const curatedPorts: readonly CuratedPort[] = [
  ...remoteAccessPorts,
  ...webPorts,
  ...webAlternatePorts,
  ...mailPorts,
  ...fileSharingPorts,
  ...databasePorts,
  ...networkServicePorts,
  ...directoryPorts,
  ...tunnelAndVoicePorts,
  ...devicePorts,
  ...devopsPorts,
];
