-- A starter skill taxonomy: approved skills in categories, and the other names people use for them.
-- Every name_key and alias_key is the lookup key of SkillCatalog.key(...): NFKC, trimmed, lower case,
-- single spaces. No alias key equals a skill's name key.

-- Programming languages
INSERT INTO skill (name, name_key, category, status) VALUES ('Java', 'java', 'Programming languages', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Kotlin', 'kotlin', 'Programming languages', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Python', 'python', 'Programming languages', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('JavaScript', 'javascript', 'Programming languages', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('TypeScript', 'typescript', 'Programming languages', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Go', 'go', 'Programming languages', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Rust', 'rust', 'Programming languages', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('C#', 'c#', 'Programming languages', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('C++', 'c++', 'Programming languages', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Scala', 'scala', 'Programming languages', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Ruby', 'ruby', 'Programming languages', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('PHP', 'php', 'Programming languages', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Swift', 'swift', 'Programming languages', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('SQL', 'sql', 'Programming languages', 'APPROVED');

-- Software engineering
INSERT INTO skill (name, name_key, category, status) VALUES ('Spring Boot', 'spring boot', 'Software engineering', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('React', 'react', 'Software engineering', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Angular', 'angular', 'Software engineering', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Vue.js', 'vue.js', 'Software engineering', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Node.js', 'node.js', 'Software engineering', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('.NET', '.net', 'Software engineering', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Android development', 'android development', 'Software engineering', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('iOS development', 'ios development', 'Software engineering', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('REST API design', 'rest api design', 'Software engineering', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Microservices', 'microservices', 'Software engineering', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Software architecture', 'software architecture', 'Software engineering', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Test automation', 'test automation', 'Software engineering', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Code review', 'code review', 'Software engineering', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Domain-driven design', 'domain-driven design', 'Software engineering', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('GraphQL', 'graphql', 'Software engineering', 'APPROVED');

-- Cloud & infrastructure
INSERT INTO skill (name, name_key, category, status) VALUES ('Amazon Web Services', 'amazon web services', 'Cloud & infrastructure', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Microsoft Azure', 'microsoft azure', 'Cloud & infrastructure', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Google Cloud Platform', 'google cloud platform', 'Cloud & infrastructure', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Kubernetes', 'kubernetes', 'Cloud & infrastructure', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Docker', 'docker', 'Cloud & infrastructure', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Terraform', 'terraform', 'Cloud & infrastructure', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Linux', 'linux', 'Cloud & infrastructure', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('CI/CD', 'ci/cd', 'Cloud & infrastructure', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Observability', 'observability', 'Cloud & infrastructure', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Site reliability engineering', 'site reliability engineering', 'Cloud & infrastructure', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Networking', 'networking', 'Cloud & infrastructure', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Apache Kafka', 'apache kafka', 'Cloud & infrastructure', 'APPROVED');

-- Data & AI
INSERT INTO skill (name, name_key, category, status) VALUES ('Machine learning', 'machine learning', 'Data & AI', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Deep learning', 'deep learning', 'Data & AI', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Natural language processing', 'natural language processing', 'Data & AI', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Large language models', 'large language models', 'Data & AI', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('MLOps', 'mlops', 'Data & AI', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Data engineering', 'data engineering', 'Data & AI', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Data analysis', 'data analysis', 'Data & AI', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Data visualisation', 'data visualisation', 'Data & AI', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Statistics', 'statistics', 'Data & AI', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Apache Spark', 'apache spark', 'Data & AI', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('dbt', 'dbt', 'Data & AI', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Power BI', 'power bi', 'Data & AI', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Tableau', 'tableau', 'Data & AI', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('A/B testing', 'a/b testing', 'Data & AI', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('PostgreSQL', 'postgresql', 'Data & AI', 'APPROVED');

-- Security
INSERT INTO skill (name, name_key, category, status) VALUES ('Application security', 'application security', 'Security', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Threat modelling', 'threat modelling', 'Security', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Penetration testing', 'penetration testing', 'Security', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Identity and access management', 'identity and access management', 'Security', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Cloud security', 'cloud security', 'Security', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Incident response', 'incident response', 'Security', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('ISO 27001', 'iso 27001', 'Security', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Cryptography', 'cryptography', 'Security', 'APPROVED');

-- Product & design
INSERT INTO skill (name, name_key, category, status) VALUES ('Product management', 'product management', 'Product & design', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Product discovery', 'product discovery', 'Product & design', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Roadmapping', 'roadmapping', 'Product & design', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('User research', 'user research', 'Product & design', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('UX design', 'ux design', 'Product & design', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('UI design', 'ui design', 'Product & design', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Figma', 'figma', 'Product & design', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Interaction design', 'interaction design', 'Product & design', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Accessibility', 'accessibility', 'Product & design', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Design systems', 'design systems', 'Product & design', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Prototyping', 'prototyping', 'Product & design', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Usability testing', 'usability testing', 'Product & design', 'APPROVED');

-- Leadership & people
INSERT INTO skill (name, name_key, category, status) VALUES ('People management', 'people management', 'Leadership & people', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Coaching', 'coaching', 'Leadership & people', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Giving feedback', 'giving feedback', 'Leadership & people', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Hiring and interviewing', 'hiring and interviewing', 'Leadership & people', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Delegation', 'delegation', 'Leadership & people', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Performance reviews', 'performance reviews', 'Leadership & people', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Strategic planning', 'strategic planning', 'Leadership & people', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Change management', 'change management', 'Leadership & people', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Conflict resolution', 'conflict resolution', 'Leadership & people', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Team building', 'team building', 'Leadership & people', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('OKRs', 'okrs', 'Leadership & people', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Mentoring', 'mentoring', 'Leadership & people', 'APPROVED');

-- Communication
INSERT INTO skill (name, name_key, category, status) VALUES ('Public speaking', 'public speaking', 'Communication', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Technical writing', 'technical writing', 'Communication', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Executive communication', 'executive communication', 'Communication', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Facilitation', 'facilitation', 'Communication', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Storytelling', 'storytelling', 'Communication', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Negotiation', 'negotiation', 'Communication', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Stakeholder management', 'stakeholder management', 'Communication', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Cross-cultural communication', 'cross-cultural communication', 'Communication', 'APPROVED');

-- Finance
INSERT INTO skill (name, name_key, category, status) VALUES ('Financial modelling', 'financial modelling', 'Finance', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Budgeting and forecasting', 'budgeting and forecasting', 'Finance', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Accounting', 'accounting', 'Finance', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('IFRS', 'ifrs', 'Finance', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Financial planning and analysis', 'financial planning and analysis', 'Finance', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Excel', 'excel', 'Finance', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Tax', 'tax', 'Finance', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Treasury', 'treasury', 'Finance', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Procurement', 'procurement', 'Finance', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Auditing', 'auditing', 'Finance', 'APPROVED');

-- Sales & marketing
INSERT INTO skill (name, name_key, category, status) VALUES ('B2B sales', 'b2b sales', 'Sales & marketing', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Account management', 'account management', 'Sales & marketing', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Salesforce', 'salesforce', 'Sales & marketing', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Pipeline management', 'pipeline management', 'Sales & marketing', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Solution selling', 'solution selling', 'Sales & marketing', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Content marketing', 'content marketing', 'Sales & marketing', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('SEO', 'seo', 'Sales & marketing', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Performance marketing', 'performance marketing', 'Sales & marketing', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Marketing analytics', 'marketing analytics', 'Sales & marketing', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Brand strategy', 'brand strategy', 'Sales & marketing', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Copywriting', 'copywriting', 'Sales & marketing', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Product marketing', 'product marketing', 'Sales & marketing', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Customer success management', 'customer success management', 'Sales & marketing', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Customer onboarding', 'customer onboarding', 'Sales & marketing', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Customer support', 'customer support', 'Sales & marketing', 'APPROVED');

-- Operations
INSERT INTO skill (name, name_key, category, status) VALUES ('Project management', 'project management', 'Operations', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Agile', 'agile', 'Operations', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Scrum', 'scrum', 'Operations', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Kanban', 'kanban', 'Operations', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Process improvement', 'process improvement', 'Operations', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Lean', 'lean', 'Operations', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Supply chain management', 'supply chain management', 'Operations', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Vendor management', 'vendor management', 'Operations', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Business continuity', 'business continuity', 'Operations', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Workplace management', 'workplace management', 'Operations', 'APPROVED');

-- HR
INSERT INTO skill (name, name_key, category, status) VALUES ('Recruiting', 'recruiting', 'HR', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Employer branding', 'employer branding', 'HR', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Compensation and benefits', 'compensation and benefits', 'HR', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Employee relations', 'employee relations', 'HR', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Learning and development', 'learning and development', 'HR', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Onboarding', 'onboarding', 'HR', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('HR analytics', 'hr analytics', 'HR', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Diversity and inclusion', 'diversity and inclusion', 'HR', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Organisational design', 'organisational design', 'HR', 'APPROVED');

-- Legal
INSERT INTO skill (name, name_key, category, status) VALUES ('Contract law', 'contract law', 'Legal', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Employment law', 'employment law', 'Legal', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Data protection', 'data protection', 'Legal', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Intellectual property', 'intellectual property', 'Legal', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Corporate governance', 'corporate governance', 'Legal', 'APPROVED');
INSERT INTO skill (name, name_key, category, status) VALUES ('Regulatory compliance', 'regulatory compliance', 'Legal', 'APPROVED');

-- Aliases
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'java se', 'Java SE', id FROM skill WHERE name_key = 'java';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'python 3', 'Python 3', id FROM skill WHERE name_key = 'python';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'py', 'py', id FROM skill WHERE name_key = 'python';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'js', 'JS', id FROM skill WHERE name_key = 'javascript';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'ecmascript', 'ECMAScript', id FROM skill WHERE name_key = 'javascript';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'ts', 'TS', id FROM skill WHERE name_key = 'typescript';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'golang', 'Golang', id FROM skill WHERE name_key = 'go';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'c sharp', 'C sharp', id FROM skill WHERE name_key = 'c#';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'csharp', 'csharp', id FROM skill WHERE name_key = 'c#';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'cpp', 'cpp', id FROM skill WHERE name_key = 'c++';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'spring', 'Spring', id FROM skill WHERE name_key = 'spring boot';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'reactjs', 'ReactJS', id FROM skill WHERE name_key = 'react';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'react.js', 'React.js', id FROM skill WHERE name_key = 'react';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'vue', 'Vue', id FROM skill WHERE name_key = 'vue.js';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'vuejs', 'VueJS', id FROM skill WHERE name_key = 'vue.js';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'node', 'Node', id FROM skill WHERE name_key = 'node.js';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'nodejs', 'NodeJS', id FROM skill WHERE name_key = 'node.js';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'dotnet', 'dotnet', id FROM skill WHERE name_key = '.net';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'android', 'Android', id FROM skill WHERE name_key = 'android development';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'ios', 'iOS', id FROM skill WHERE name_key = 'ios development';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'rest', 'REST', id FROM skill WHERE name_key = 'rest api design';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'api design', 'API design', id FROM skill WHERE name_key = 'rest api design';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'architecture', 'Architecture', id FROM skill WHERE name_key = 'software architecture';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'automated testing', 'Automated testing', id FROM skill WHERE name_key = 'test automation';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'ddd', 'DDD', id FROM skill WHERE name_key = 'domain-driven design';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'aws', 'AWS', id FROM skill WHERE name_key = 'amazon web services';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'azure', 'Azure', id FROM skill WHERE name_key = 'microsoft azure';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'gcp', 'GCP', id FROM skill WHERE name_key = 'google cloud platform';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'google cloud', 'Google Cloud', id FROM skill WHERE name_key = 'google cloud platform';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'k8s', 'k8s', id FROM skill WHERE name_key = 'kubernetes';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'kube', 'kube', id FROM skill WHERE name_key = 'kubernetes';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'containers', 'Containers', id FROM skill WHERE name_key = 'docker';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'linux administration', 'Linux administration', id FROM skill WHERE name_key = 'linux';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'continuous integration', 'Continuous integration', id FROM skill WHERE name_key = 'ci/cd';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'continuous delivery', 'Continuous delivery', id FROM skill WHERE name_key = 'ci/cd';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'monitoring', 'Monitoring', id FROM skill WHERE name_key = 'observability';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'sre', 'SRE', id FROM skill WHERE name_key = 'site reliability engineering';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'kafka', 'Kafka', id FROM skill WHERE name_key = 'apache kafka';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'ml', 'ML', id FROM skill WHERE name_key = 'machine learning';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'dl', 'DL', id FROM skill WHERE name_key = 'deep learning';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'nlp', 'NLP', id FROM skill WHERE name_key = 'natural language processing';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'llm', 'LLM', id FROM skill WHERE name_key = 'large language models';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'llms', 'LLMs', id FROM skill WHERE name_key = 'large language models';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'generative ai', 'Generative AI', id FROM skill WHERE name_key = 'large language models';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'data analytics', 'Data analytics', id FROM skill WHERE name_key = 'data analysis';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'data visualization', 'Data visualization', id FROM skill WHERE name_key = 'data visualisation';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'dataviz', 'Dataviz', id FROM skill WHERE name_key = 'data visualisation';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'stats', 'Stats', id FROM skill WHERE name_key = 'statistics';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'spark', 'Spark', id FROM skill WHERE name_key = 'apache spark';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'pyspark', 'PySpark', id FROM skill WHERE name_key = 'apache spark';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'powerbi', 'PowerBI', id FROM skill WHERE name_key = 'power bi';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'experimentation', 'Experimentation', id FROM skill WHERE name_key = 'a/b testing';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'postgres', 'Postgres', id FROM skill WHERE name_key = 'postgresql';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'psql', 'psql', id FROM skill WHERE name_key = 'postgresql';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'appsec', 'AppSec', id FROM skill WHERE name_key = 'application security';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'threat modeling', 'Threat modeling', id FROM skill WHERE name_key = 'threat modelling';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'pentesting', 'Pentesting', id FROM skill WHERE name_key = 'penetration testing';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'pen testing', 'Pen testing', id FROM skill WHERE name_key = 'penetration testing';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'iam', 'IAM', id FROM skill WHERE name_key = 'identity and access management';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'iso27001', 'ISO27001', id FROM skill WHERE name_key = 'iso 27001';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'roadmaps', 'Roadmaps', id FROM skill WHERE name_key = 'roadmapping';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'ux research', 'UX research', id FROM skill WHERE name_key = 'user research';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'ux', 'UX', id FROM skill WHERE name_key = 'ux design';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'user experience design', 'User experience design', id FROM skill WHERE name_key = 'ux design';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'ui', 'UI', id FROM skill WHERE name_key = 'ui design';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'visual design', 'Visual design', id FROM skill WHERE name_key = 'ui design';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'a11y', 'a11y', id FROM skill WHERE name_key = 'accessibility';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'line management', 'Line management', id FROM skill WHERE name_key = 'people management';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'feedback', 'Feedback', id FROM skill WHERE name_key = 'giving feedback';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'interviewing', 'Interviewing', id FROM skill WHERE name_key = 'hiring and interviewing';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'hiring', 'Hiring', id FROM skill WHERE name_key = 'hiring and interviewing';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'strategy', 'Strategy', id FROM skill WHERE name_key = 'strategic planning';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'okr', 'OKR', id FROM skill WHERE name_key = 'okrs';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'objectives and key results', 'Objectives and key results', id FROM skill WHERE name_key = 'okrs';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'presenting', 'Presenting', id FROM skill WHERE name_key = 'public speaking';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'documentation', 'Documentation', id FROM skill WHERE name_key = 'technical writing';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'workshop facilitation', 'Workshop facilitation', id FROM skill WHERE name_key = 'facilitation';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'intercultural communication', 'Intercultural communication', id FROM skill WHERE name_key = 'cross-cultural communication';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'financial modeling', 'Financial modeling', id FROM skill WHERE name_key = 'financial modelling';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'budgeting', 'Budgeting', id FROM skill WHERE name_key = 'budgeting and forecasting';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'forecasting', 'Forecasting', id FROM skill WHERE name_key = 'budgeting and forecasting';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'bookkeeping', 'Bookkeeping', id FROM skill WHERE name_key = 'accounting';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'fp&a', 'FP&A', id FROM skill WHERE name_key = 'financial planning and analysis';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'microsoft excel', 'Microsoft Excel', id FROM skill WHERE name_key = 'excel';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'ms excel', 'MS Excel', id FROM skill WHERE name_key = 'excel';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'taxation', 'Taxation', id FROM skill WHERE name_key = 'tax';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'purchasing', 'Purchasing', id FROM skill WHERE name_key = 'procurement';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'audit', 'Audit', id FROM skill WHERE name_key = 'auditing';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'enterprise sales', 'Enterprise sales', id FROM skill WHERE name_key = 'b2b sales';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'sfdc', 'SFDC', id FROM skill WHERE name_key = 'salesforce';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'search engine optimisation', 'Search engine optimisation', id FROM skill WHERE name_key = 'seo';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'search engine optimization', 'Search engine optimization', id FROM skill WHERE name_key = 'seo';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'paid acquisition', 'Paid acquisition', id FROM skill WHERE name_key = 'performance marketing';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'branding', 'Branding', id FROM skill WHERE name_key = 'brand strategy';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'customer success', 'Customer success', id FROM skill WHERE name_key = 'customer success management';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'support', 'Support', id FROM skill WHERE name_key = 'customer support';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'project mgmt', 'Project mgmt', id FROM skill WHERE name_key = 'project management';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'agile methods', 'Agile methods', id FROM skill WHERE name_key = 'agile';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'continuous improvement', 'Continuous improvement', id FROM skill WHERE name_key = 'process improvement';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'lean management', 'Lean management', id FROM skill WHERE name_key = 'lean';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'supply chain', 'Supply chain', id FROM skill WHERE name_key = 'supply chain management';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'facilities', 'Facilities', id FROM skill WHERE name_key = 'workplace management';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'talent acquisition', 'Talent acquisition', id FROM skill WHERE name_key = 'recruiting';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'c&b', 'C&B', id FROM skill WHERE name_key = 'compensation and benefits';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'reward', 'Reward', id FROM skill WHERE name_key = 'compensation and benefits';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'l&d', 'L&D', id FROM skill WHERE name_key = 'learning and development';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'people analytics', 'People analytics', id FROM skill WHERE name_key = 'hr analytics';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'dei', 'DEI', id FROM skill WHERE name_key = 'diversity and inclusion';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'd&i', 'D&I', id FROM skill WHERE name_key = 'diversity and inclusion';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'organizational design', 'Organizational design', id FROM skill WHERE name_key = 'organisational design';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'org design', 'Org design', id FROM skill WHERE name_key = 'organisational design';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'contracts', 'Contracts', id FROM skill WHERE name_key = 'contract law';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'labour law', 'Labour law', id FROM skill WHERE name_key = 'employment law';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'labor law', 'Labor law', id FROM skill WHERE name_key = 'employment law';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'gdpr', 'GDPR', id FROM skill WHERE name_key = 'data protection';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'privacy law', 'Privacy law', id FROM skill WHERE name_key = 'data protection';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'ip law', 'IP law', id FROM skill WHERE name_key = 'intellectual property';
INSERT INTO skill_alias (alias_key, alias, skill_id) SELECT 'compliance', 'Compliance', id FROM skill WHERE name_key = 'regulatory compliance';
