import { adapterContract } from '../contract.js';
import { DISCORD_CONTRACT_USER, DiscordContractDriver } from './contract-driver.js';

adapterContract(() => new DiscordContractDriver(), { user: DISCORD_CONTRACT_USER });
