import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Image, Modal, Typography } from 'antd';
import { useState } from 'react';
import { EvidenceIcon, useEvidenceDownload } from './EvidenceName.tsx';
import { attachmentUrl, formatSize, isImage, isPdf, type AttachmentRef } from './types.ts';
import './evidence.css';

/**
 * Evidence as a reader wants it: photos as thumbnails that open full size (and page through each
 * other), PDFs that open in a viewer, Word and Excel files to download. Previews use the server's
 * inline form of the file, which it serves with a CSP of its own.
 */
export function EvidenceGallery({ files }: { files: readonly AttachmentRef[] }) {
  const images = files.filter(isImage);
  const others = files.filter((f) => !isImage(f));
  const save = useEvidenceDownload();
  const [pdf, setPdf] = useState<AttachmentRef | null>(null);
  // Phone browsers do not show a PDF inside a page: they get it in a tab of its own.
  const wide = Grid.useBreakpoint().md ?? true;

  return (
    <Flex vertical gap={12}>
      {images.length > 0 ? (
        <Image.PreviewGroup>
          <Flex wrap gap={8}>
            {images.map((file) => (
              <figure key={file.id} className="lz-evidence-thumb">
                <Image src={attachmentUrl(file.id, true)} alt={file.name} width={112} height={112} style={{ objectFit: 'cover' }} />
                <figcaption title={file.name}>{file.name}</figcaption>
              </figure>
            ))}
          </Flex>
        </Image.PreviewGroup>
      ) : null}
      {others.map((file) => (
        <Flex key={file.id} align="center" justify="space-between" gap={8} wrap className="lz-evidence-file">
          <Typography.Text ellipsis style={{ minWidth: 0, flex: '1 1 200px' }}>
            <EvidenceIcon file={file} /> {file.name}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatSize(file.size)}
            </Typography.Text>
          </Typography.Text>
          <Flex gap={4}>
            {isPdf(file) ? (
              wide ? (
                <Button size="small" icon={<EyeOutlined />} onClick={() => setPdf(file)}>
                  预览
                </Button>
              ) : (
                <Button size="small" icon={<EyeOutlined />} href={attachmentUrl(file.id, true)} target="_blank" rel="noopener noreferrer">
                  预览
                </Button>
              )
            ) : null}
            <Button size="small" icon={<DownloadOutlined />} onClick={() => void save(file)}>
              下载
            </Button>
          </Flex>
        </Flex>
      ))}
      <Modal
        open={!!pdf}
        title={pdf?.name}
        width="min(1000px, 94vw)"
        onCancel={() => setPdf(null)}
        destroyOnHidden
        footer={
          pdf ? (
            <Flex justify="space-between" wrap gap={8}>
              <Button href={attachmentUrl(pdf.id, true)} target="_blank" rel="noopener noreferrer">
                在新窗口打开
              </Button>
              <Button type="primary" onClick={() => setPdf(null)}>
                关闭
              </Button>
            </Flex>
          ) : null
        }
      >
        {pdf ? <iframe className="lz-evidence-pdf" src={attachmentUrl(pdf.id, true)} title={pdf.name} /> : null}
      </Modal>
    </Flex>
  );
}
