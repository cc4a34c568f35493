import { Card, Col, Grid, Row } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useOrgList } from '../../http/orgs.ts';
import type { Org } from '../../http/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { MoveOrgModal } from './MoveOrgModal.tsx';
import { OrgDetailPanel } from './OrgDetailPanel.tsx';
import { OrgFormModal, type OrgFormTarget } from './OrgFormModal.tsx';
import { OrgTreePanel } from './OrgTreePanel.tsx';

export default function OrgPage() {
  const [search, setSearch] = useSearchParams();
  const [showInactive, setShowInactive] = useState(false);
  const orgs = useOrgList(showInactive);
  const [formTarget, setFormTarget] = useState<OrgFormTarget | null>(null);
  const [moving, setMoving] = useState<Org | null>(null);

  const items = useMemo(() => orgs.data?.items ?? [], [orgs.data]);
  const selectedId = search.get('id') ?? items.find((o) => !items.some((p) => p.id === o.parentId))?.id;
  const childOrgs = useMemo(() => items.filter((o) => o.parentId === selectedId), [items, selectedId]);
  const detailRef = useRef<HTMLDivElement>(null);
  const isPhone = !Grid.useBreakpoint().md;
  const select = (id: string) => {
    setSearch({ id }, { replace: true });
    // On a phone the detail sits below the tree, out of sight.
    if (isPhone) detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  return (
    <>
      <PageHeader title="组织机构" description="本单位及下级单位的组织架构。选择一个组织查看详情和可进行的操作。" />
      {orgs.error ? (
        <QueryError error={orgs.error} onRetry={() => void orgs.refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} md={10} xl={8}>
            <Card loading={orgs.isPending}>
              <OrgTreePanel orgs={items} selectedId={selectedId} onSelect={select} showInactive={showInactive} onShowInactiveChange={setShowInactive} />
            </Card>
          </Col>
          <Col xs={24} md={14} xl={16}>
            <Card ref={detailRef}>
              {selectedId ? (
                <OrgDetailPanel
                  id={selectedId}
                  childOrgs={childOrgs}
                  onSelect={select}
                  onCreateChild={(parent) => setFormTarget({ mode: 'create', parent })}
                  onEdit={(org) => setFormTarget({ mode: 'edit', org })}
                  onMove={setMoving}
                />
              ) : null}
            </Card>
          </Col>
        </Row>
      )}
      <OrgFormModal
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onSaved={(org) => {
          setFormTarget(null);
          select(org.id);
        }}
      />
      <MoveOrgModal org={moving} onClose={() => setMoving(null)} />
    </>
  );
}
