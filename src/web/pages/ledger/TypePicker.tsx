import { Button, Card, Col, Empty, Input, Row, Tooltip } from 'antd';
import { useState } from 'react';
import type { RecordTypeDef } from '../../../core/pack/schema.ts';
import { typesByCategory } from './packTypes.ts';

/** What kind of record to add: the types by category, searchable by name and description. */
export function TypePicker({ types, onPick }: { types: readonly RecordTypeDef[]; onPick: (typeId: string) => void }) {
  const [search, setSearch] = useState('');
  const text = search.trim().toLowerCase();
  const matching = text ? types.filter((t) => `${t.name}\n${t.category}\n${t.description ?? ''}`.toLowerCase().includes(text)) : types;
  const categories = typesByCategory(matching);
  return (
    <>
      <Input.Search
        placeholder="搜索台账类型，如“中心组”“舆情”"
        allowClear
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        style={{ maxWidth: 360, marginBottom: 16 }}
        autoFocus
      />
      {categories.length === 0 ? <Empty description="没有找到该类型，请换个关键词" /> : null}
      <Row gutter={[16, 16]}>
        {categories.map((category) => (
          <Col key={category.name} xs={24} md={12} xl={8}>
            <Card size="small" title={category.name} className="lz-type-picker" style={{ height: '100%' }}>
              {category.types.map((type) => (
                <Tooltip key={type.id} title={type.description} placement="topLeft" mouseEnterDelay={0.6}>
                  <Button type="text" block onClick={() => onPick(type.id)} style={{ justifyContent: 'flex-start', height: 'auto', whiteSpace: 'normal', textAlign: 'left', padding: '6px 8px' }}>
                    {type.name}
                  </Button>
                </Tooltip>
              ))}
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
