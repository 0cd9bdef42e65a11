/** media/'s public entry: the only module the UI imports from the media pipeline. */
export {
  openLocalDevices,
  MediaAccessError,
  type LocalDevices,
  type LocalDeviceOptions,
  type LocalDeviceSnapshot,
  type MediaAccessProblem,
} from './local-devices';
