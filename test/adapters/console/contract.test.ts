import { adapterContract } from '../contract.js';
import { ConsoleDriver } from './driver.js';

adapterContract(() => new ConsoleDriver());
