import { z } from 'zod';

// Extension pages and workers forbid eval by CSP; zod would otherwise probe `new Function` on first use.
z.config({ jitless: true });

export { z };
