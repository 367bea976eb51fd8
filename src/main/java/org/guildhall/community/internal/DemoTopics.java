package org.guildhall.community.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the demo community writes about a skill. Skills come in families (engineering, platform,
 * security, data, design, product and delivery, sales and customers, marketing, finance and operations,
 * law and compliance, people and leadership, communication), and each family has its own questions, answers,
 * articles and circle description, so that a question on negotiation reads like one a salesperson
 * would ask and not like a developer's. A skill in no family gets wording that fits any topic. In
 * every text {@code %s} stands for the skill's name. Demo data only: the domain knows nothing of
 * these families.
 */
final class DemoTopics {

	/** A question's title and body. */
	record Question(String title, String body) {
	}

	/** An article's title and Markdown body, and whether it is a lesson learned. */
	record Article(String title, String body, boolean lessonLearned) {
	}

	/** The texts for one family of skills. */
	record Family(String name, Set<String> skills, List<Question> questions, List<String> answers, List<Article> articles,
			String circle) {
	}

	static final Family ENGINEERING = new Family("engineering", Set.of("Java", "Kotlin", "Python", "JavaScript", "TypeScript",
			"Go", "Rust", "C#", "C++", "Scala", "Ruby", "PHP", "Swift", "Spring Boot", "React", "Angular", "Vue.js", "Node.js",
			".NET", "Android development", "iOS development", "REST API design", "Microservices", "Domain-driven design",
			"Code review", "Software architecture", "GraphQL", "Test automation", "Apache Kafka", "PostgreSQL"), List.of(
			new Question("Where do I start with %s in our codebase?",
					"I picked up a ticket that needs %s and I have not used it here before. Which service is a good example to copy from, and who should I ask when I get stuck?"),
			new Question("Our %s tests are slow and flaky: what does a good setup look like?",
					"The build for our %s service takes 25 minutes and fails about one run in five for no clear reason. How do other teams keep this fast and reliable?"),
			new Question("%s: which version and libraries are we standardising on?",
					"I count three different %s setups across our repositories. Is there a recommended one for new work, and is there a plan to move the old ones?"),
			new Question("Can someone review my %s design before I build it?",
					"I wrote a one-page design for the new export using %s (linked in the ticket). It works in my spike, but I would like a second opinion on the boundaries before I commit to it."),
			new Question("How do you debug %s problems that only happen in production?",
					"We see occasional timeouts in a %s component that we cannot reproduce locally. What do you log or measure to narrow this down?")),
			List.of("""
					Start from the payments service: its %s setup is the one the platform team keeps current, and it has a small \
					example for almost everything. Clone it, run the tests, and change one thing at a time so you learn what each \
					part does. Book an hour with someone from that team in your first week; pairing for an hour saves days of reading.""",
					"""
					We had exactly this. Three things helped us most:

					1. Keep the slow integration tests in their own job and run them on merge, not on every push
					2. Quarantine a flaky test the day it flakes and open a ticket, instead of pressing retry
					3. Use real dependencies in containers rather than hand-written mocks; the failures became honest

					Our build went from 22 to 8 minutes in a month.""",
					"""
					The trap I see most often is changing too much at once. Make one small change, ship it behind a flag, look at \
					the dashboards for a day, then take the next step. It feels slower, but you never spend a week hunting for \
					which of five changes broke something.""",
					"""
					For new services we use the template in the engineering handbook; it pins the versions we support and has \
					the linting and logging already wired in. Older services move when their team touches them anyway. If you \
					need something the template does not cover, raise it in the architecture forum on Thursdays.""",
					"""
					Add a correlation id to every request and log it at each hop; without it you are guessing. Then graph the \
					latency percentiles rather than the average, because the average hides the slow tail. In our case the \
					timeouts were one slow query under load, which the p99 graph showed within an hour."""),
			List.of(new Article("A practical introduction to %s here",
					"""
					## Why this guide

					Most of us meet %s in the middle of a project, with a deadline. This is the guide I wish I had had.

					## Setting up

					- Start from the service template, not from a blog post
					- Run the tests before you change anything, so you know what green looks like
					- Read the last three merged pull requests in the area you are working on

					## Getting help

					The #%s channel answers within the hour on working days. Pair with a colleague who knows %s well for your first change.""",
					false),
					new Article("Lesson learned: the %s change that took down staging",
							"""
							## What happened

							A small %s change passed review and took staging down for half a day. The change was fine; the \
							configuration it depended on was different in staging.

							## What we learned

							1. Review the configuration, not only the diff
							2. Roll back first, investigate second
							3. Write down what you learned, like this

							## What we do now

							Every %s change that touches configuration gets a staged rollout and a named reviewer.""",
							true)),
			"Engineers learning %s together: we read real code from our own services, review each other's changes and bring the questions that come up in our work.");

	static final Family PLATFORM = new Family("platform", Set.of("Kubernetes", "Terraform", "Amazon Web Services",
			"Google Cloud Platform", "Microsoft Azure", "Docker", "Linux", "CI/CD", "Observability",
			"Site reliability engineering", "Networking", "MLOps"), List.of(
			new Question("Is there a runbook for %s incidents at night?",
					"I join the on-call rota next month and %s is part of it. Is there a runbook or checklist, and what are the first three things you look at when you are paged?"),
			new Question("How do we keep %s costs under control?",
					"Our %s bill went up by a third this quarter and nobody is quite sure why. How do other teams see who is spending what and keep it in check?"),
			new Question("What does a good %s setup look like for a new service?",
					"We are starting a service from scratch. What should be in place for %s on day one, and what can wait until we have real traffic?"),
			new Question("Moving our team to %s: what should we watch out for?",
					"We plan to move two services onto %s this quarter. What went wrong for teams who did it before us, and what would you do differently?")),
			List.of("""
					Yes, the runbooks are in the platform handbook, one per alert. When I am paged I look at three things in \
					this order: what changed in the last hour, whether the error rate is one service or all of them, and \
					whether rolling back the last change fixes it. Roll back first; understanding it can wait until morning.""",
					"""
					Tag everything with the owning team from the start, then the monthly cost report breaks down by team \
					automatically. After that the quick wins were boring ones: switching off test environments at night, \
					deleting old snapshots and right-sizing the three biggest machines. That took a quarter off our bill.""",
					"""
					On day one: the standard pipeline, health checks, structured logs and one dashboard with the four golden \
					signals. Autoscaling, multi-region and fancy alerting can wait until you have traffic that needs them. \
					Copy the setup from a team that already runs it rather than designing your own.""",
					"""
					Move the smallest, least critical service first and run it side by side with the old setup for two weeks. \
					Most surprises are about networking and permissions, not the platform itself. Write down every manual \
					step you take, because each one becomes part of the automation for the second service."""),
			List.of(new Article("What I wish I had known before my first %s on-call week",
					"""
					## Before the week

					- Read the runbooks for the five noisiest alerts
					- Check that you can reach every dashboard and console from home
					- Agree with your manager what you will *not* do that week

					## During the week

					Write down every page, even the false alarms. Most of our %s alert tuning came from these notes.

					## After

					Hand over in writing. The next person should not have to ask what happened.""",
					false),
					new Article("Lesson learned: a %s change that locked us out",
							"""
							## What happened

							A tidy-up of %s permissions removed the role our automation used. Nothing failed until the next \
							release, three days later, when nobody remembered the tidy-up.

							## What we learned

							1. Permission changes get the same review as any other change
							2. Alert on failed automation, not only on failed services
							3. Keep a break-glass account and test it every quarter""",
							true)),
			"A circle for %s in practice: incidents we learned from, cost and reliability, and how teams here run their services.");

	static final Family SECURITY = new Family("security", Set.of("Application security", "Threat modelling", "Cloud security",
			"Identity and access management", "Cryptography", "Penetration testing", "Incident response"), List.of(
			new Question("When in a project should we bring in %s?",
					"We are designing a new customer portal. At what point should we involve the security team for %s, and what should we have ready before we do?"),
			new Question("What does a useful %s session look like?",
					"Our last session on %s produced a long list that nobody acted on. How do you keep it short and make sure the findings get fixed?"),
			new Question("Which %s findings do we fix first?",
					"The latest report on %s has forty findings. How do teams here decide what to fix this sprint and what to accept for now?"),
			new Question("Getting started in %s as a developer",
					"I am a backend developer and want to grow into %s. What should I read or practise, and is there anyone here who would mentor me?")),
			List.of("""
					Earlier than feels natural: as soon as you have a diagram of the data flows. Bring the diagram, the kinds \
					of data you store and who can reach which part. An hour then saves weeks later, because moving a trust \
					boundary on paper is cheap and moving it in a running system is not.""",
					"""
					Keep it to one hour and one diagram, and invite the people who will build it, not only the architects. \
					Write each finding as a ticket with an owner before the meeting ends. We review the open ones at the next \
					sprint planning; anything still open after two sprints goes to the engineering manager.""",
					"""
					We rank by how reachable the weakness is and what it exposes, not by the scanner's severity. Anything \
					reachable from the internet that touches customer data goes first. Internal-only findings with no \
					sensitive data get a date and an owner, and we accept the risk in writing if we decide not to fix them.""",
					"""
					Start by fixing real findings in your own team's services; it teaches more than any course. The OWASP \
					guides are a good free reference, and the security team runs a capture-the-flag afternoon every quarter. \
					I am happy to mentor you: ask for me in the mentoring programme."""),
			List.of(new Article("%s for teams without a security engineer",
					"""
					## The short version

					You do not need a specialist to get most of the value from %s. You need a diagram, an hour and the \
					people who build the system.

					## How we run it

					1. Draw how data moves, including the boring parts
					2. For each arrow ask: who could misuse this, and what would it cost?
					3. Turn every answer into a ticket with an owner

					## When to call us

					When the system handles payments, health data or credentials.""",
					false),
					new Article("Lesson learned: what our last incident taught us about %s",
							"""
							## What happened

							A leaked test credential gave read access to a staging bucket for two days.

							## What we learned

							1. Staging data was closer to real data than we thought
							2. Credentials in chat are as leaked as credentials on the internet
							3. Our %s checklist had no step for rotating shared secrets

							## What changed

							Shared secrets now expire after 30 days and the checklist has the missing step.""",
							true)),
			"A circle for people who want to get better at %s: real findings from our own systems, short exercises and a guest from the security team each month.");

	static final Family DATA = new Family("data", Set.of("SQL", "Data analysis", "Data visualisation", "Tableau", "Power BI",
			"Excel", "Statistics", "Machine learning", "Deep learning", "Natural language processing", "Large language models",
			"A/B testing", "Data engineering", "Apache Spark", "dbt", "Marketing analytics", "HR analytics"), List.of(
			new Question("How do you check a %s result before it goes into a board pack?",
					"My %s numbers will be quoted by the leadership team next week. What do you check before you trust a figure enough to put it in front of them?"),
			new Question("Two teams, two different numbers: how do we agree on one definition in %s?",
					"Sales and finance report different customer counts from the same data, and I am asked which one is right. How do you settle a definition when both sides use %s?"),
			new Question("What is a good first %s project for someone moving from operations?",
					"I work in operations and do a lot of reporting by hand. I would like to learn %s on something useful. What small project would you suggest?"),
			new Question("How much %s does a product manager really need?",
					"I keep being told to get better at %s. How far should a non-analyst go, and what is the best use of ten hours?"),
			new Question("%s: how do you explain uncertainty to people who want one number?",
					"Stakeholders ask for a single figure, but my %s work gives a range. How do you present that without losing them?")),
			List.of("""
					I do three checks every time. First, does the total match a number someone else already trusts, such as \
					the finance close? Second, do the last few months look like the months before, and if not, can I explain \
					why? Third, I ask one person from the business to look at it for five minutes; they spot the odd thing faster than I do.""",
					"""
					Write the definition down in one sentence, with the edge cases: trials, cancelled accounts, partners. Then \
					get both heads of department to sign it off in the same meeting. We keep the agreed definitions in the data \
					catalogue, and the dashboards link to them, so the argument does not come back every quarter.""",
					"""
					Take a report you build by hand every week and rebuild it once properly. You learn the data, you save \
					yourself an hour a week and you have something to show. Ask the data team for read access and for someone \
					to look over your first version; most of us are glad to.""",
					"""
					Enough to ask good questions and to spot a number that cannot be right. In practice that means reading a \
					chart critically, knowing what a confidence interval says and being able to filter and group a table \
					yourself. Ten hours on your own product's data teaches more than a generic course.""",
					"""
					Lead with the decision, not the figure: "we are fairly sure it is between 4 and 6 percent, and both ends \
					mean we should go ahead". Show the range as a band on the chart rather than as error bars. If the decision \
					would change within the range, say so plainly, and say what extra data would settle it."""),
			List.of(new Article("A practical introduction to %s with our own data",
					"""
					## Why this guide

					Most guides to %s use toy data. This one uses ours: the customer and order tables everyone asks about.

					## First steps

					- Get read access to the reporting copy, never the live system
					- Start from a question someone actually asked you
					- Write down every assumption you make next to the result

					## Going further

					The data team's office hours are on Tuesdays; bring your half-finished work.""",
					false),
					new Article("Lesson learned: the %s chart that made the wrong decision look right",
							"""
							## What happened

							A %s chart showed churn falling. It was falling because cancelled trials had quietly dropped out \
							of the data, not because customers were happier.

							## What we learned

							1. A change in the trend deserves a question before a celebration
							2. Check the row counts, not only the rates
							3. Write the definition under every chart

							## What we do now

							Every dashboard shows how many rows it is based on, next to the figure.""",
							true)),
			"A circle for %s at work: we bring real questions from our teams, look at each other's analyses and learn the methods that keep the numbers honest.");

	static final Family DESIGN = new Family("design", Set.of("UX design", "UI design", "Figma", "Interaction design",
			"Prototyping", "Design systems", "Usability testing", "Accessibility", "User research"), List.of(
			new Question("How do you run a design critique on %s work that people actually enjoy?",
					"Our critiques on %s turn into opinions about colours. How do you keep them focused on whether the design solves the problem?"),
			new Question("Getting engineers and designers to agree on %s earlier",
					"Our %s decisions often change once engineering sees them. How do other teams bring engineers in earlier without slowing design down?"),
			new Question("What should a %s portfolio piece show for an internal move?",
					"I would like to move into the design team and was told to show my %s work. What do the hiring managers here look for?"),
			new Question("How many people do we need to talk to before a %s decision?",
					"Our product manager wants evidence before we change the checkout. For a %s question like this, how many sessions are enough?")),
			List.of("""
					Start every critique by restating the problem and the one question you want feedback on. Ask reviewers to \
					say what they see before what they think. We timebox each piece to twenty minutes and end with the three \
					changes the designer will make; opinions about colours go in the comments afterwards.""",
					"""
					Invite one engineer to the first sketch review, not the final one. Show rough work on purpose, so it is \
					clear that things can still change. Since we started doing this, the number of screens reworked after \
					handover has roughly halved, and engineers now suggest simpler options we had not thought of.""",
					"""
					Show one project in depth rather than ten screenshots. Explain the problem, who you talked to, the options \
					you dropped and why, and what happened after it shipped. The hiring managers care far more about how you \
					decided than about how polished the final screens look.""",
					"""
					For finding the big problems, five sessions with the right people usually show the pattern; after that you \
					mostly hear the same things again. If the decision needs a number, such as which of two layouts converts \
					better, that is a job for an experiment, not for interviews. Say up front which one you are doing."""),
			List.of(new Article("%s: how our design team works",
					"""
					## Who we are

					Eight designers and two researchers, each paired with a product team.

					## How we work on %s

					- Every piece of work starts with a problem statement agreed with the product manager
					- We share rough work early, in the open design channel
					- Critiques are on Wednesdays and anyone may join

					## How to ask us for help

					Book the design office hours, or post in the channel with a screenshot and the question.""",
					false),
					new Article("Lesson learned: the %s shortcut that cost us a quarter",
							"""
							## What happened

							We skipped %s research on the new onboarding because we "already knew" the problem. The new \
							flow shipped on time and completion went down.

							## What we learned

							1. What we know about our users is often a year out of date
							2. Three conversations would have shown the problem
							3. Being fast at the wrong thing is not fast

							## What we do now

							No redesign starts without at least three conversations with current users.""",
							true)),
			"A circle for %s: we show work in progress, give each other structured critique and invite a guest from a product team each month.");

	static final Family PRODUCT = new Family("product and delivery", Set.of("Product management", "Product discovery",
			"Roadmapping", "OKRs", "Strategic planning", "Agile", "Scrum", "Kanban", "Project management",
			"Process improvement", "Lean"), List.of(
			new Question("How do you say no to a senior stakeholder's idea with %s?",
					"A director keeps adding requests to our plan. I would like to use %s to push back without damaging the relationship. How have you handled this?"),
			new Question("What does good %s look like in a team of five?",
					"Most of the %s material I read is written for large organisations. What is worth keeping in a small team, and what is ceremony we can drop?"),
			new Question("Our %s plan is always late: where do we start?",
					"Every quarter we miss about half of what we planned. Before we change our whole %s approach, what would you look at first?"),
			new Question("How do you measure whether %s is working?",
					"Leadership asked me whether our investment in %s pays off. Which signals do you track, and over what period?"),
			new Question("Moving from team lead to %s: what surprised you?",
					"I am about to take on %s for my department. What did you wish someone had told you in your first three months?")),
			List.of("""
					Do not say no; show the trade-off. Put the request next to what is already planned and ask which one \
					should move. Most people choose sensibly when they see the cost. Keep a written log of these decisions, \
					because it helps a lot at the next planning round when someone asks why their item slipped.""",
					"""
					Keep the parts that create a shared picture: a short weekly planning conversation, a visible board and a \
					regular look back at what went well. Drop anything nobody can explain the purpose of. We tried cutting \
					our review meeting entirely and brought it back after a month, shorter and with a clear owner.""",
					"""
					Look at how much unplanned work arrived during the quarter; for us it was a third, and nobody counted it. \
					Then check whether the plan was a list of wishes or a list of commitments with owners. We now plan to 70 \
					percent of our capacity and name one person per item, and we hit most of what we commit to.""",
					"""
					Pick two or three signals you can observe every month: how long an idea takes to reach customers, how \
					often plans change in the middle of a quarter, and how the team rates its own clarity in a short survey. \
					Give it two quarters before you judge. The first one is always noisy, because the team is still learning the new way of working."""),
			List.of(new Article("Five habits that made me better at %s",
					"""
					1. **Write the decision down** on the day you make it, with the reasons
					2. **Talk to a customer every week**, even for fifteen minutes
					3. **Plan less than you can do**, then finish it
					4. **Say what you will not do** as clearly as what you will
					5. **Ask for feedback on your %s early**, before it is polished""",
					false),
					new Article("Lesson learned: the %s plan everyone agreed to and nobody followed",
							"""
							## What happened

							We spent six weeks on a %s plan that every department signed off. Three months later, nobody \
							was working to it.

							## What we learned

							1. Agreement in a meeting is not commitment
							2. A plan without owners is a wish list
							3. A plan nobody looks at after the launch meeting is already dead

							## What we do now

							Each item has one owner, and we review the plan for fifteen minutes every fortnight.""",
							true)),
			"A circle for people who practise %s: we compare how our teams plan and decide, bring real dilemmas and learn from each other's mistakes.");

	static final Family COMMERCIAL = new Family("sales and customers", Set.of("B2B sales", "Salesforce", "Pipeline management",
			"Solution selling", "Account management", "Customer success management", "Customer onboarding", "Customer support"),
			List.of(
			new Question("How do you prepare for a renewal where the customer is unhappy?",
					"One of my largest accounts renews next month and their sponsor is frustrated with us. How do you use %s to turn a conversation like that around?"),
			new Question("What does a healthy %s review look like each week?",
					"Our weekly %s review takes an hour and mostly repeats the numbers. How do other teams make it useful?"),
			new Question("Which %s numbers should a new team lead watch first?",
					"I have just taken over a team and our %s reporting has thirty measures. Which ones tell you early that something is going wrong?"),
			new Question("How do we hand over a customer from sales to %s without losing context?",
					"Customers tell us they have to repeat everything after they sign. What do you capture for %s, and when?"),
			new Question("Advice for my first quarter in %s?",
					"I moved from support into %s. What would you focus on in the first ninety days?")),
			List.of("""
					Call the sponsor before the renewal conversation and ask what would have to be true for them to renew \
					happily. Then come back with a short written plan with dates and named owners on our side, and deliver \
					the first item before the renewal meeting. A customer forgives problems much more easily than silence.""",
					"""
					Spend the time on the deals that moved or stalled since last week, not on the whole list. Each owner \
					says what the next step is and when it happens. We cut our review from an hour to twenty-five minutes, \
					and the forecast got more accurate because people stopped defending numbers and started discussing deals.""",
					"""
					Three early signals: how many new conversations start each week, how long deals sit in one stage, and \
					how many customers stop logging in. All three move weeks before revenue does. Everything else in the \
					report is useful for explaining a change after the fact, not for spotting it.""",
					"""
					We use a one-page handover note filled in before the contract is signed: why the customer bought, who \
					the sponsor is, what was promised and by when. The account manager joins the last sales call. Since we \
					started, the first month with a new customer is much calmer for everyone."""),
			List.of(new Article("A practical guide to %s for new joiners",
					"""
					## Your first weeks

					- Shadow three customer calls before you run your own
					- Read the last five won and lost deal notes
					- Learn the product well enough to show the main journey yourself

					## How we work with %s

					We write things down: every conversation gets a short note in the customer record the same day.

					## Who to ask

					Your buddy first, then the team channel.""",
					false),
					new Article("Lesson learned: the %s promise we could not keep",
							"""
							## What happened

							To close a large deal we promised a feature by the end of the quarter. It arrived four months \
							late, and the customer left at renewal.

							## What we learned

							1. A date the product team has not agreed is not a date
							2. %s is about the second deal with a customer, not only the first
							3. Bad news told early keeps trust; bad news found out destroys it

							## What we do now

							Any promise about the roadmap needs a product manager's name on it.""",
							true)),
			"A circle for %s: we listen back to real calls (with permission), share what worked with customers and practise the hard conversations together.");

	static final Family MARKETING = new Family("marketing", Set.of("Content marketing", "SEO", "Performance marketing",
			"Product marketing", "Brand strategy", "Employer branding"), List.of(
			new Question("How do we show what %s contributes to the pipeline?",
					"Every budget round I am asked what %s brings in. Attribution is messy for us. How do other teams make the case without pretending to more precision than they have?"),
			new Question("Planning a launch with %s: what do you do in the last six weeks?",
					"We launch a new plan for mid-sized customers in February. What does your %s checklist look like for the weeks before, and who needs to be involved when?"),
			new Question("How do you get subject experts to help with %s?",
					"Our best material comes from engineers and customer success, but they are busy. How do you get their input for %s without it becoming a chore for them?"),
			new Question("What does a good %s brief look like?",
					"Agencies and colleagues keep coming back with work that misses the point. What goes into a %s brief that works, and what do you leave out?")),
			List.of("""
					Stop looking for one number. We report three things side by side: the leads that came in through our \
					channels, the deals where marketing material was used in the sales conversation, and a short survey \
					question for new customers asking where they first heard of us. None is perfect; together they tell a \
					story the finance team accepts.""",
					"""
					Six weeks out we agree the message and the one audience it is for, with product and sales in the same \
					room. Four weeks out the sales team gets the talk track and a short training session. In the last two \
					weeks we only fix things, never add new ones. The launch itself is the start, not the finish: plan the \
					first month after it as carefully.""",
					"""
					Interview them for twenty minutes instead of asking them to write, then send back a draft in their \
					voice for a quick check. Credit them by name when it goes out; most people like that more than they \
					admit. We also share the numbers afterwards, so they see that their half hour reached real customers.""",
					"""
					One page: who it is for, the single thing they should think or do afterwards, why they would believe \
					us, and how we will know it worked. Add the budget and the date. Leave out the list of everything the \
					product can do; a brief that asks for everything gets back something that says nothing."""),
			List.of(new Article("How we plan %s, in one page",
					"""
					## Who this is for

					Anyone who asks the marketing team for help, or wonders what we do all day.

					## How we plan %s

					- One audience and one message per campaign
					- A brief of one page, agreed before any work starts
					- A look at the results four weeks after, shared openly

					## How to ask us

					Use the request form; a clear brief gets you an answer within a week.""",
					false),
					new Article("Lesson learned: the %s campaign that won awards and no customers",
							"""
							## What happened

							Our most admired %s campaign of the year was shared widely and brought almost no new \
							conversations with customers.

							## What we learned

							1. Attention from peers is not interest from buyers
							2. Agree with sales what a good lead looks like before the campaign
							3. Measure the conversations, not the applause

							## What we do now

							Every campaign starts with the sales team's view of who we should reach.""",
							true)),
			"A circle for %s: we take apart campaigns that worked and ones that did not, share briefs and results, and help each other sharpen the message.");

	static final Family FINANCE_OPERATIONS = new Family("finance and operations", Set.of("Financial planning and analysis",
			"Financial modelling", "Budgeting and forecasting", "Accounting", "IFRS", "Tax", "Auditing", "Treasury",
			"Procurement", "Vendor management", "Supply chain management", "Workplace management", "Business continuity"),
			List.of(new Question("How do you keep %s spreadsheets understandable for the next person?",
					"I inherited a workbook for %s with forty tabs and no notes. How do you build these so that someone else can take them over?"),
			new Question("Preparing for the year-end: what does %s need from the teams?",
					"This is my first year-end here. What do the teams usually forget to send for %s, and how early should I ask?"),
			new Question("How do we choose between two suppliers when %s says one thing and the team another?",
					"The team prefers the more expensive supplier, and the %s review prefers the cheaper one. How do you make that decision fairly?"),
			new Question("What is a reasonable first step into %s from another department?",
					"I work in customer success and I am interested in %s. Which course or internal project would you recommend to start?")),
			List.of("""
					Keep inputs, calculations and outputs on separate tabs and colour the input cells. Put a short notes tab \
					at the front that says what the model is for, where every input comes from and who owns it. Our finance \
					team reviews each other's models once a quarter, and a model nobody else can follow goes back to its author.""",
					"""
					Accruals and contracts are what we chase most: invoices not yet received, and contracts signed without \
					telling finance. Ask in early November, and ask with a template, so people fill in the same columns. A \
					short call with each budget holder saves a lot of emails in January.""",
					"""
					Write down what matters before you look at the offers: cost over three years, the risk of switching, \
					service levels and how much the team's time is worth. Score both suppliers against that list with \
					someone from each side in the room. When the scores are close, the team that lives with the choice decides.""",
					"""
					Ask to join the monthly close as an observer for a quarter; you will learn how the numbers are made and \
					meet the people. The internal finance for non-finance managers course is good and short. After that, a \
					small analysis for your own department is a great first project."""),
			List.of(new Article("%s without the jargon",
					"""
					## Why this matters to you

					Every department meets %s at budget time, usually in a hurry.

					## The basics

					- Know which costs you own and which you only see
					- Send numbers with the assumptions next to them
					- Tell finance early when something changes; surprises are worse than bad news

					## Where to get help

					Your finance business partner has office hours every Thursday.""",
					false),
					new Article("Lesson learned: the %s assumption nobody checked",
							"""
							## What happened

							A %s forecast assumed last year's exchange rate. By the second quarter, the budget was 6 percent \
							short and nobody had noticed.

							## What we learned

							1. Every assumption needs an owner and a date to check it
							2. The biggest risks are the numbers everyone takes for granted
							3. A monthly look at five key assumptions takes ten minutes

							## What we do now

							The forecast opens with its assumptions, and we review them every month.""",
							true)),
			"A circle for %s: we walk through real cases from our own numbers and processes, and people from other departments are welcome to ask the basic questions.");

	static final Family COMPLIANCE = new Family("law and compliance", Set.of("Regulatory compliance", "Data protection",
			"Contract law", "Employment law", "Intellectual property", "Corporate governance", "ISO 27001"), List.of(
			new Question("When should a team come to legal about %s?",
					"We are planning a new partnership. At what point should we involve the legal team about %s, and what should we prepare?"),
			new Question("What does %s mean for our customer data exports?",
					"A customer asks for a full export of their data, including notes our staff wrote. What does %s require us to include, and how fast?"),
			new Question("How do we keep %s evidence without drowning in paperwork?",
					"The audit for %s is in three months. How do other teams collect evidence as they go, instead of in a rush at the end?"),
			new Question("Explaining %s to a team that sees it as a blocker",
					"Some colleagues see %s as the department of no. How do you explain the why so that they involve us early?")),
			List.of("""
					Come before anything is signed or promised, ideally when you have a one-page summary of who does what and \
					which data moves where. We can usually turn a standard agreement around in a week. The slow cases are the \
					ones where the commercial terms were agreed first and the legal questions came up at the end.""",
					"""
					In short: everything we hold about the person, in a readable form, within a month. Notes our staff wrote \
					about them count as their data too. Check with the privacy team before you send anything, because some \
					information about other people may have to be removed first.""",
					"""
					Decide once what evidence each control needs and collect it as part of the normal work: the access review \
					as a ticket, the training record from the learning system. A shared folder per control with a named owner \
					works better than one big spreadsheet. Our last audit took two weeks instead of two months.""",
					"""
					Start with the risk to the customer or the company, not the rule. People accept a rule much more easily \
					when they see what it protects against. We also run a short drop-in session each month where any team \
					can bring a half-formed idea; early questions are cheap, late ones are expensive."""),
			List.of(new Article("%s in plain English",
					"""
					## Who this is for

					Everyone who is not a lawyer but meets %s in their work.

					## What you need to know

					- Most questions have a standard answer: check the FAQ on the legal pages first
					- If a customer or supplier asks you to sign something, send it to legal before you reply
					- When in doubt, ask early; it costs us five minutes

					## How to reach us

					Use the legal request form; urgent questions go to the team channel.""",
					false),
					new Article("Lesson learned: the %s clause we never read",
							"""
							## What happened

							A supplier agreement renewed automatically for three years because nobody saw the notice period. \
							It was a standard clause, and %s would have caught it.

							## What we learned

							1. Every contract needs an owner after it is signed, not only before
							2. Renewal dates belong in a calendar, not in a filing system
							3. Short reminders beat long training

							## What we do now

							Every contract in the register has a named owner and a reminder ninety days before renewal.""",
							true)),
			"A circle for %s: we go through real questions from teams across the company and explain the reasons behind the rules, in plain language.");

	static final Family PEOPLE = new Family("people and leadership", Set.of("People management", "Coaching", "Giving feedback",
			"Hiring and interviewing", "Delegation", "Performance reviews", "Change management", "Conflict resolution",
			"Team building", "Mentoring", "Employee relations", "Organisational design", "Recruiting",
			"Learning and development", "Onboarding", "Diversity and inclusion", "Compensation and benefits"), List.of(
			new Question("How do I get better at %s as a first-time manager?",
					"I became a team lead three months ago and %s is the part I find hardest. What helped you in your first year?"),
			new Question("%s with someone who used to be my peer",
					"I now lead the team I was part of. How do you approach %s with a former peer, especially a friend, without it getting awkward?"),
			new Question("What does good %s look like in a remote team?",
					"Half of my team works from other countries. How do you do %s well when most conversations are on video?"),
			new Question("How do you make time for %s when the calendar is full?",
					"Everyone agrees %s matters, but it is the first thing to drop when we are busy. How do you protect the time for it?"),
			new Question("Books or courses on %s that actually changed how you work?",
					"I have a learning budget this year and want to spend it on %s. What made a real difference for you, as opposed to what sounded good?"),
			new Question("How do you know whether your %s is working?",
					"I put real effort into %s but I am never sure if it lands. What signals do you look for?")),
			List.of("""
					What helped me most was a weekly one-to-one with every person, thirty minutes, and the agenda is theirs. \
					Ask more than you tell: "what is getting in your way?" opens more than any advice. Find a mentor who has \
					managed for a few years; I met mine once a month and it made my first year much less lonely.""",
					"""
					Name it early and directly: "our relationship is changing, and I would like us to talk about how". Be \
					consistent, because people watch for favouritism in both directions. Keep the friendship outside work if \
					you both want to, but decisions about work go through the same process as for everyone else.""",
					"""
					Be more deliberate than you would in an office: regular one-to-ones with cameras on, written notes after \
					every important conversation and some time that is not about work at all. Rotate meeting times so the \
					same people are not always joining late in the evening. Ask the team once a quarter what is not working.""",
					"""
					Put it in the calendar as a recurring meeting and treat it like a customer meeting: you move it, you do \
					not cancel it. I also keep a short list of who I owe a conversation, which I check every Friday. When I \
					stopped doing this for a month, two people on my team felt ignored and told me so.""",
					"""
					"The Coaching Habit" changed how I run one-to-ones more than anything else, because it is short and \
					practical. The internal leadership course is also good, mostly because of the peer group you meet. \
					Whatever you choose, practise one thing for a month before you move on to the next.""",
					"""
					Look at what people do, not what they say in the moment: do they come back with the next step, do they \
					raise problems earlier, do they ask for more? I also ask directly every few months what I should start, \
					stop and keep doing. The first answers are polite; the honest ones come the third time you ask."""),
			List.of(new Article("What I learned about %s in my first year as a manager",
					"""
					## The surprise

					I thought %s would be about knowing the answers. It turned out to be about asking better questions.

					## What worked

					- Weekly one-to-ones that belong to the other person
					- Writing down what I promised, and doing it
					- Telling the team what I was working on and why

					## What I would do differently

					Ask for feedback on my own %s much earlier, from my team and not only from my manager.""",
					false),
					new Article("Lesson learned: the %s conversation I put off for too long",
							"""
							## What happened

							I noticed a problem in my team in March and raised it in June, at the review. By then it was \
							much harder for everyone.

							## What we learned

							1. Small, early conversations are kinder than big, late ones
							2. Write down what you agreed, and check in two weeks later
							3. Ask for help: %s gets easier when you practise it with a mentor

							## What I do now

							If something bothers me twice, I raise it within the week.""",
							true)),
			"A circle for %s: managers and aspiring managers practise real conversations, share what worked in their teams and support each other through the hard ones.");

	static final Family COMMUNICATION = new Family("communication", Set.of("Public speaking", "Technical writing",
			"Facilitation", "Storytelling", "Negotiation", "Cross-cultural communication", "Copywriting",
			"Stakeholder management", "Executive communication"), List.of(
			new Question("How do you prepare for %s when you are nervous?",
					"I have to present to the whole department next month and %s is not my strength. How do you prepare, and what do you do in the first two minutes?"),
			new Question("%s with the leadership team: how much detail is too much?",
					"My last update to the leadership team went off track after the second slide. How do you approach %s with very senior people who have little time?"),
			new Question("How do you practise %s when there is no real occasion?",
					"I want to get better at %s, but I only get a real chance a few times a year. How do you practise in between?"),
			new Question("What to do when %s goes wrong halfway through?",
					"In a recent workshop the discussion got heated and I lost the room. How do you recover when %s goes wrong in the moment?"),
			new Question("Any good examples of %s from inside the company?",
					"I learn best from examples. Is there a recording, document or meeting here that you would point to as great %s?"),
			new Question("%s across cultures: what did you learn the hard way?",
					"I now work with colleagues in five countries, and %s that works at home sometimes falls flat. What surprised you?")),
			List.of("""
					Rehearse the first two minutes out loud until you could say them half asleep; after that, nerves usually \
					settle. Do one full run-through with a friendly colleague a few days before, not the night before. On the \
					day, arrive early, find one friendly face in the room and speak to them first.""",
					"""
					Start with the answer and what you need from them, then stop and let them ask. Keep the details in an \
					appendix and only go there when asked. Senior people are not impatient with detail; they are impatient \
					with not knowing why they are hearing it. Three sentences up front save twenty minutes later.""",
					"""
					Volunteer for the small occasions: the team update, the welcome session for new joiners, the notes after \
					a meeting. Each one is a rehearsal with real stakes. Ask one person for a single piece of feedback every \
					time, and keep the answers in a note; after a few months you can see the pattern.""",
					"""
					Pause, name what is happening and give the room a choice: "we have two views here; shall we take ten \
					minutes for this now, or park it and come back to it at the end?" People calm down when they feel heard. \
					Afterwards, speak to the people involved one by one; that is where it actually gets resolved.""",
					"""
					The quarterly all-hands opening by our head of customer success is a great model: one story, one number \
					and one clear ask, all in five minutes. The recording is on the intranet. Watch it twice, the second time \
					paying attention only to how the story is built rather than to what it says.""",
					"""
					Silence means different things in different places: agreement, disagreement or simply thinking. I learned \
					to ask for views in writing before a meeting, so quieter colleagues have a say. I also stopped using \
					idioms and jokes in calls with people who work in their second language."""),
			List.of(new Article("Five habits that made me better at %s",
					"""
					1. **Start with the point**, then the reasons
					2. **Know your audience's question** before you prepare your answer
					3. **Practise out loud**, not only in your head
					4. **Ask for one piece of feedback** after every occasion
					5. **Watch people who are good at %s** and copy one thing at a time""",
					false),
					new Article("Lesson learned: the %s moment that changed how I prepare",
							"""
							## What happened

							I went into an important meeting with forty slides and a perfect plan. Five minutes in, the \
							most senior person asked the one question I had not prepared for.

							## What I learned

							1. Prepare for the questions, not only for the talk
							2. %s is a conversation, even when you are the one speaking
							3. It is fine to say "I do not know yet, I will come back to you by Friday"

							## What I do now

							Before every important meeting I write down the three questions I would least like to be asked.""",
							true)),
			"A circle for %s: we practise in a safe room, give each other kind and specific feedback and share what worked in real meetings.");

	/** Wording that fits any topic, for a skill in no family. */
	static final Family NEUTRAL = new Family("any topic", Set.of(), List.of(
			new Question("What is the best way to get started with %s here?",
					"I would like to learn %s for my role. Which people, courses or internal pages would you point a beginner to?"),
			new Question("Common mistakes with %s that you wish you had known earlier?",
					"Before I take on my first real piece of work involving %s, what should I watch out for?"),
			new Question("Who would mentor me in %s?",
					"I am looking for someone who has done %s for a few years and could meet once a month. Any suggestions, or is there a circle for it?"),
			new Question("How do you keep learning %s when work gets busy?",
					"I started with %s last quarter and then the busy season came. How do you keep going in small steps?")),
			List.of("""
					Find one person who does it well and ask for an hour of their time; people here are generous with that. \
					Then pick a small, real piece of work and do it with them looking over your shoulder. Courses are useful \
					afterwards, when you know which questions you actually have.""",
					"""
					The most common mistake is trying to learn everything before doing anything. Start small, get feedback \
					early and keep a note of what you learn each week. Looking back at that note after three months is very \
					encouraging, because the progress is invisible from one day to the next.""",
					"""
					Ask in the mentoring programme; you can search for mentors by skill and see who has capacity. If nobody \
					fits, post here again with what you want to learn and by when. A circle is also a good option, because \
					you learn as much from the other learners as from the host.""",
					"""
					Put thirty minutes in the calendar every week and protect it like a meeting. Link what you learn to \
					something you are doing anyway, so it does not feel like extra work. When a week is lost, just start \
					again the next one; consistency over months matters more than any single week."""),
			List.of(new Article("A practical introduction to %s",
					"""
					## Why this matters

					Most of us meet %s in the middle of something else. This is the guide I wish I had had.

					## The basics

					- Find out who here already does it well
					- Start from a real piece of work, not a textbook exercise
					- Ask early: the community answers fast

					## Next steps

					Pair with a colleague who knows %s well, or join the circle.""",
					false),
					new Article("Five habits that made me better at %s",
							"""
							1. **Learn from colleagues** who do it well, every week
							2. **Keep notes** of what went wrong and why
							3. **Teach what you learn**; it shows what you have not understood yet
							4. **Set a small goal** each month
							5. **Ask for feedback on your %s** early""",
							false)),
			"A small group learning %s together: one topic a week, a short session every other week, questions welcome.");

	static final List<Family> FAMILIES = List.of(ENGINEERING, PLATFORM, SECURITY, DATA, DESIGN, PRODUCT, COMMERCIAL,
			MARKETING, FINANCE_OPERATIONS, COMPLIANCE, PEOPLE, COMMUNICATION);

	private static final Map<String, Family> BY_SKILL = bySkill();

	private DemoTopics() {
	}

	/** The family of a skill by its name (in any case), or {@link #NEUTRAL} when it is in none. */
	static Family of(String skill) {
		return BY_SKILL.getOrDefault(skill.strip().toLowerCase(Locale.ROOT), NEUTRAL);
	}

	/** The text with every {@code %s} replaced by the skill's name. */
	static String about(String text, String skill) {
		return text.replace("%s", skill);
	}

	private static Map<String, Family> bySkill() {
		Map<String, Family> families = new HashMap<>();
		for (Family family : FAMILIES) {
			for (String skill : family.skills()) {
				Family before = families.put(skill.toLowerCase(Locale.ROOT), family);
				if (before != null) {
					throw new IllegalStateException(skill + " is in two families: " + before.name() + " and " + family.name());
				}
			}
		}
		return Map.copyOf(families);
	}
}
