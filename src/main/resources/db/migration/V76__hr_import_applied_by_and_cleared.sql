-- Who applied an import (the audit trail names them), and how many people's values each column's
-- empty cells clear (the preview says so: "clears the title of 8 people"), as "title=8;bio=2".
ALTER TABLE hr_import ADD COLUMN applied_by VARCHAR(254);
ALTER TABLE hr_import ADD COLUMN cleared VARCHAR(1000);
