import type { FileBody, UploadDto } from '..';
import { get, post } from './endpoint';

/** uploads: the routes its controllers declare. */
export const uploadsEndpoints = {
  upload: post('/api/uploads')<void, UploadDto>(),
  uploadFile: get('/api/uploads/:id')<{ sig: string }, FileBody>(),
};
