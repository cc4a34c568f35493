import { FileExcelOutlined, FileImageOutlined, FilePdfOutlined, FileWordOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Typography } from 'antd';
import { download } from '../../http/client.ts';
import { errorMessage } from '../../http/formErrors.ts';
import { attachmentUrl, isImage, isPdf, type AttachmentRef } from './types.ts';

export function EvidenceIcon({ file }: { file: Pick<AttachmentRef, 'mime'> }) {
  if (isImage(file)) return <FileImageOutlined style={{ color: '#1677ff' }} />;
  if (isPdf(file)) return <FilePdfOutlined style={{ color: '#cf1322' }} />;
  if (file.mime.includes('wordprocessingml')) return <FileWordOutlined style={{ color: '#2f54eb' }} />;
  if (file.mime.includes('spreadsheetml')) return <FileExcelOutlined style={{ color: '#389e0d' }} />;
  return <PaperClipOutlined />;
}

/** Downloads through fetch, so that a refusal shows as a message rather than a page of JSON. */
export function useEvidenceDownload() {
  const { message } = App.useApp();
  return (file: AttachmentRef) => download(attachmentUrl(file.id), undefined, file.name).catch((error: unknown) => void message.error(errorMessage(error)));
}

/**
 * A file's icon and name: images and PDFs open in a new tab to look at, Word and Excel files
 * download.
 */
export function EvidenceName({ file }: { file: AttachmentRef }) {
  const save = useEvidenceDownload();
  const viewable = isImage(file) || isPdf(file);
  return (
    <Typography.Text ellipsis style={{ minWidth: 0 }}>
      <EvidenceIcon file={file} />{' '}
      {viewable ? (
        <a href={attachmentUrl(file.id, true)} target="_blank" rel="noopener noreferrer">
          {file.name}
        </a>
      ) : (
        <a
          href={attachmentUrl(file.id)}
          onClick={(event) => {
            event.preventDefault();
            void save(file);
          }}
        >
          {file.name}
        </a>
      )}
    </Typography.Text>
  );
}
