import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { RequestOutput } from '../../../shared/api';
import type { IndexDefinition } from '../../../shared/indices';
import { api } from '../api';
import { Comparison } from './Comparison';
import { ResultsEntry } from './ResultsEntry';
import { Structure } from './Structure';

export function IndicesPage() {
  const [indices, setIndices] = useState<IndexDefinition[]>([]);
  const [indexId, setIndexId] = useState<number>();
  const [tab, setTab] = useState<'entry' | 'compare' | 'structure'>('compare');
  const [results, setResults] = useState<RequestOutput<'getIndexResults'>>();
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    api.listIndices({}).then((list) => {
      setIndices(list);
      setIndexId((id) => id ?? list[0]?.id);
    }, (err: Error) => setFailure(err.message));
  }, []);
  useEffect(() => {
    if (indexId !== undefined) api.getIndexResults({ indexId }).then(setResults, (err: Error) => setFailure(err.message));
  }, [indexId]);

  const index = indices.find((i) => i.id === indexId);
  return (
    <Box>
      <Typography variant="h5" component="h1" gutterBottom>
        Chỉ số cải cách hành chính
      </Typography>
      {failure && <Alert severity="error">{failure}</Alert>}
      <Tabs value={indexId ?? false} onChange={(_e, v) => setIndexId(v)} aria-label="Các chỉ số">
        {indices.map((i) => (
          <Tab key={i.id} value={i.id} label={i.code} />
        ))}
      </Tabs>
      {index && (
        <Typography variant="body2" color="text.secondary" sx={{ my: 1 }}>
          {index.name} — tối đa {index.totalMax ?? '?'} {index.unit === 'phan-tram' ? '%' : 'điểm'}. Cấu trúc lưu theo năm và sửa được ở thẻ “Cấu trúc”.
        </Typography>
      )}
      <Tabs value={tab} onChange={(_e, v) => setTab(v)} sx={{ mb: 2 }} aria-label="Việc với chỉ số">
        <Tab value="compare" label="So sánh các năm" />
        <Tab value="entry" label="Nhập kết quả" />
        <Tab value="structure" label="Cấu trúc" />
      </Tabs>
      {index && results && tab === 'entry' && <ResultsEntry index={index} results={results} onSaved={setResults} />}
      {index && results && tab === 'compare' && <Comparison index={index} results={results} />}
      {index && tab === 'structure' && <Structure index={index} onChanged={setIndices} />}
    </Box>
  );
}
