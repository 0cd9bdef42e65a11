import type { ApiResponse } from '../../../contract/api';

export type Cases = ApiResponse<'cases:list'>;
export type Hearing = ApiResponse<'hearings:get'>;
