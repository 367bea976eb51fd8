package org.guildhall.demo;

import java.util.List;

/**
 * A department of the demo company with the job titles and skills that fit it. Skill names are
 * canonical names from the starter taxonomy ({@code V4__skill_taxonomy.sql}).
 */
enum Department {

	EXECUTIVE("Executive", 0, "Chief Executive Officer", "Chief of Staff", false,
			List.of(new Specialty("Chief of Staff", "strategy and operations", List.of("Strategic planning",
					"Executive communication", "Stakeholder management", "OKRs", "Project management",
					"Financial modelling")))),
	ENGINEERING("Engineering", 30, "VP Engineering", "Engineering Manager", true, List.of(
			new Specialty("Backend Engineer", "backend development", List.of("Java", "Kotlin", "Spring Boot",
					"PostgreSQL", "Microservices", "REST API design", "Apache Kafka", "Go", "Python",
					"Domain-driven design", "Code review", "SQL")),
			new Specialty("Frontend Engineer", "frontend development", List.of("JavaScript", "TypeScript", "React",
					"Angular", "Vue.js", "Node.js", "Accessibility", "GraphQL", "Test automation", "Design systems")),
			new Specialty("Mobile Engineer", "mobile apps", List.of("Swift", "Kotlin", "iOS development",
					"Android development", "REST API design", "Test automation", "Accessibility")),
			new Specialty("Platform Engineer", "platform engineering", List.of("Kubernetes", "Terraform",
					"Amazon Web Services", "Google Cloud Platform", "Docker", "Go", "Linux", "CI/CD", "Observability",
					"Site reliability engineering", "Networking")),
			new Specialty("Software Engineer", "software development", List.of("C#", ".NET", "Microsoft Azure",
					"SQL", "TypeScript", "Software architecture", "Code review", "Rust", "C++", "Scala", "Ruby",
					"PHP")),
			new Specialty("QA Engineer", "quality engineering", List.of("Test automation", "Python", "JavaScript",
					"CI/CD", "Agile", "Scrum", "Technical writing")))),
	DATA("Data", 7, "Head of Data", "Data Science Manager", true, List.of(
			new Specialty("Data Scientist", "machine learning", List.of("Python", "Machine learning",
					"Deep learning", "Statistics", "Natural language processing", "Large language models",
					"A/B testing", "SQL")),
			new Specialty("Data Engineer", "data engineering", List.of("Data engineering", "Apache Spark", "SQL",
					"Python", "Scala", "dbt", "Apache Kafka", "PostgreSQL", "Amazon Web Services")),
			new Specialty("Data Analyst", "analytics", List.of("Data analysis", "SQL", "Data visualisation",
					"Tableau", "Power BI", "Excel", "Statistics", "Storytelling")),
			new Specialty("Machine Learning Engineer", "MLOps", List.of("MLOps", "Machine learning", "Python",
					"Kubernetes", "Docker", "Large language models", "Google Cloud Platform")))),
	SECURITY("Security", 4, "Chief Information Security Officer", "Security Engineering Manager", true, List.of(
			new Specialty("Security Engineer", "security engineering", List.of("Application security",
					"Threat modelling", "Cloud security", "Identity and access management", "Cryptography", "Go",
					"Python", "Kubernetes")),
			new Specialty("Penetration Tester", "offensive security", List.of("Penetration testing",
					"Application security", "Networking", "Linux", "Python", "Threat modelling")),
			new Specialty("Security Analyst", "security operations", List.of("Incident response", "ISO 27001",
					"Observability", "Regulatory compliance", "Cloud security", "Technical writing")))),
	PRODUCT("Product", 6, "VP Product", "Group Product Manager", false, List.of(
			new Specialty("Product Manager", "product management", List.of("Product management",
					"Product discovery", "Roadmapping", "Stakeholder management", "A/B testing", "User research",
					"OKRs", "SQL", "Data analysis")),
			new Specialty("Product Owner", "agile delivery", List.of("Product management", "Agile", "Scrum",
					"Kanban", "Roadmapping", "Stakeholder management", "Facilitation")),
			new Specialty("Technical Product Manager", "platform products", List.of("Product management",
					"REST API design", "Software architecture", "Roadmapping", "Technical writing",
					"Amazon Web Services")))),
	DESIGN("Design", 4, "Head of Design", "Design Manager", false, List.of(
			new Specialty("Product Designer", "product design", List.of("UX design", "UI design", "Figma",
					"Interaction design", "Prototyping", "Design systems", "Usability testing", "Accessibility")),
			new Specialty("UX Researcher", "user research", List.of("User research", "Usability testing",
					"Facilitation", "Statistics", "Storytelling", "Data analysis")),
			new Specialty("Content Designer", "content design", List.of("Copywriting", "UX design",
					"Technical writing", "Accessibility", "Storytelling")))),
	SALES("Sales", 13, "VP Sales", "Sales Manager", false, List.of(
			new Specialty("Account Executive", "enterprise sales", List.of("B2B sales", "Negotiation",
					"Salesforce", "Pipeline management", "Solution selling", "Public speaking",
					"Stakeholder management")),
			new Specialty("Sales Development Representative", "outbound sales", List.of("B2B sales", "Salesforce",
					"Copywriting", "Pipeline management", "Cross-cultural communication")),
			new Specialty("Solutions Engineer", "pre-sales", List.of("Solution selling", "Software architecture",
					"REST API design", "Public speaking", "Amazon Web Services", "Python")),
			new Specialty("Account Manager", "account management", List.of("Account management", "Negotiation",
					"Salesforce", "Stakeholder management", "Excel")))),
	MARKETING("Marketing", 6, "VP Marketing", "Marketing Manager", false, List.of(
			new Specialty("Marketing Specialist", "digital marketing", List.of("Content marketing", "SEO",
					"Performance marketing", "Marketing analytics", "Copywriting", "Excel")),
			new Specialty("Product Marketing Manager", "product marketing", List.of("Product marketing",
					"Storytelling", "Public speaking", "Brand strategy", "Copywriting", "Stakeholder management")),
			new Specialty("Brand Designer", "brand and visual design", List.of("Brand strategy", "UI design",
					"Figma", "Storytelling", "Copywriting")),
			new Specialty("Marketing Analyst", "marketing analytics", List.of("Marketing analytics", "SQL",
					"Data visualisation", "A/B testing", "Excel", "Statistics")))),
	CUSTOMER_SUCCESS("Customer Success", 10, "VP Customer Success", "Customer Success Lead", false, List.of(
			new Specialty("Customer Success Manager", "customer success", List.of("Customer success management",
					"Customer onboarding", "Account management", "Stakeholder management", "Salesforce",
					"Negotiation", "Facilitation")),
			new Specialty("Support Engineer", "technical support", List.of("Customer support", "SQL", "Linux",
					"REST API design", "Technical writing", "Incident response")),
			new Specialty("Implementation Consultant", "customer onboarding", List.of("Customer onboarding",
					"Project management", "Facilitation", "Technical writing", "Excel")))),
	FINANCE("Finance", 4, "VP Finance", "Finance Manager", false, List.of(
			new Specialty("Financial Analyst", "financial planning", List.of("Financial planning and analysis",
					"Financial modelling", "Excel", "Budgeting and forecasting", "SQL", "Power BI")),
			new Specialty("Accountant", "accounting", List.of("Accounting", "IFRS", "Tax", "Excel", "Auditing")),
			new Specialty("Treasury Analyst", "treasury", List.of("Treasury", "Financial modelling", "Excel",
					"Regulatory compliance")),
			new Specialty("Procurement Specialist", "procurement", List.of("Procurement", "Vendor management",
					"Negotiation", "Contract law", "Excel")))),
	LEGAL("Legal", 2, "General Counsel", "Legal Director", false, List.of(
			new Specialty("Commercial Counsel", "commercial law", List.of("Contract law", "Negotiation",
					"Intellectual property", "Regulatory compliance")),
			new Specialty("Privacy Counsel", "data protection", List.of("Data protection", "Regulatory compliance",
					"ISO 27001", "Technical writing")),
			new Specialty("Employment Counsel", "employment law", List.of("Employment law", "Employee relations",
					"Contract law", "Conflict resolution")),
			new Specialty("Compliance Officer", "compliance", List.of("Regulatory compliance",
					"Corporate governance", "Auditing", "Data protection")))),
	OPERATIONS("Operations", 9, "VP Operations", "Operations Manager", false, List.of(
			new Specialty("Operations Analyst", "business operations", List.of("Process improvement", "Lean",
					"Excel", "Data analysis", "SQL", "Project management")),
			new Specialty("Project Manager", "project management", List.of("Project management", "Agile",
					"Scrum", "Kanban", "Stakeholder management", "Facilitation")),
			new Specialty("Supply Chain Specialist", "supply chain", List.of("Supply chain management",
					"Vendor management", "Procurement", "Excel", "Lean")),
			new Specialty("Workplace Coordinator", "workplace", List.of("Workplace management",
					"Business continuity", "Vendor management", "Cross-cultural communication")))),
	PEOPLE("People", 5, "VP People", "People Partner Lead", false, List.of(
			new Specialty("People Partner", "people partnering", List.of("Employee relations", "Coaching",
					"Change management", "Organisational design", "Employment law", "Conflict resolution")),
			new Specialty("Recruiter", "recruiting", List.of("Recruiting", "Hiring and interviewing",
					"Employer branding", "Negotiation", "Salesforce")),
			new Specialty("Learning and Development Specialist", "learning and development", List.of(
					"Learning and development", "Facilitation", "Coaching", "Public speaking", "Onboarding",
					"Mentoring")),
			new Specialty("People Analyst", "people analytics", List.of("HR analytics", "Data analysis", "SQL",
					"Compensation and benefits", "Diversity and inclusion", "Excel"))));

	/** Skills every people lead draws from, next to the skills of their department. */
	static final List<String> LEADERSHIP = List.of("People management", "Coaching", "Giving feedback",
			"Hiring and interviewing", "Delegation", "Performance reviews", "Strategic planning", "Change management",
			"Conflict resolution", "Team building", "OKRs", "Mentoring", "Stakeholder management",
			"Executive communication");

	/** Skills anyone may have, whatever their job. */
	static final List<String> EVERYONE = List.of("Public speaking", "Technical writing", "Facilitation",
			"Storytelling", "Negotiation", "Cross-cultural communication", "Excel", "Project management", "Agile",
			"Python", "SQL", "Data analysis", "Mentoring", "Coaching", "Figma", "Machine learning",
			"Large language models");

	private final String displayName;
	private final int weight;
	private final String headTitle;
	private final String leadTitle;
	private final boolean technical;
	private final List<Specialty> specialties;

	Department(String displayName, int weight, String headTitle, String leadTitle, boolean technical,
			List<Specialty> specialties) {
		this.displayName = displayName;
		this.weight = weight;
		this.headTitle = headTitle;
		this.leadTitle = leadTitle;
		this.technical = technical;
		this.specialties = specialties;
	}

	String displayName() {
		return displayName;
	}

	/** Share of the company, in percent, when the company is large enough to have every department. */
	int weight() {
		return weight;
	}

	/** Title of the person who runs the department. */
	String headTitle() {
		return headTitle;
	}

	/** Title of a first-line people lead. */
	String leadTitle() {
		return leadTitle;
	}

	/** Whether senior individual contributors climb the staff/principal ladder. */
	boolean technical() {
		return technical;
	}

	List<Specialty> specialties() {
		return specialties;
	}

	/**
	 * A kind of job in a department.
	 *
	 * @param title the job title without seniority ("Backend Engineer")
	 * @param area the work, as people describe it in a sentence ("backend development")
	 * @param skills skills that fit the job, most typical first
	 */
	record Specialty(String title, String area, List<String> skills) {
	}
}
