import { adapterContract } from '../contract.js';
import { slackDriver } from './contract-driver.js';

adapterContract(slackDriver);
