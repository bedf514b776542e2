import { z } from 'zod';
import { fieldLabel } from './labels';

/** A rejected field: `message` goes next to the input, `label: message` into the summary. */
export interface FieldError {
  path: string;
  label: string;
  message: string;
}

function typeName(expected: unknown): string {
  switch (expected) {
    case 'string':
      return 'phải là văn bản';
    case 'number':
    case 'int':
      return 'phải là số';
    case 'boolean':
      return 'phải là đúng hoặc sai';
    case 'array':
      return 'phải là một danh sách';
    case 'object':
      return 'phải là một nhóm thông tin';
    default:
      return 'sai kiểu dữ liệu';
  }
}

// Zod's own Vietnamese locale reads like a machine translation ("mong đợi string"); users see these words.
const vietnameseError: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'chưa có giá trị (bắt buộc)' : typeName(issue.expected);
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? 'không được để trống' : `phải có ít nhất ${min} ký tự`;
      if (issue.origin === 'array') return min <= 1 ? 'phải có ít nhất một mục' : `phải có ít nhất ${min} mục`;
      return `phải lớn hơn hoặc bằng ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `dài quá ${max} ký tự`;
      if (issue.origin === 'array') return `tối đa ${max} mục`;
      return `phải nhỏ hơn hoặc bằng ${max}`;
    }
    case 'invalid_format':
      return 'không đúng định dạng';
    case 'invalid_value':
      return `phải là một trong các giá trị: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `có trường không được phép: ${issue.keys.join(', ')}`;
    default:
      return 'giá trị không hợp lệ';
  }
};

z.config({ customError: vietnameseError });

export function describeIssues(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), label: fieldLabel(issue.path), message: issue.message }));
}

/** One line per problem, "Label: message", for a specialist to act on. */
export function summarizeIssues(fields: readonly FieldError[]): string {
  return fields.map((f) => `${f.label}: ${f.message}`).join('\n');
}

export { z };
