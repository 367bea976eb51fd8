package org.guildhall.demo;

import java.util.List;

/**
 * Where a name comes from: given names, family names, how they are combined and the languages
 * people with such names often speak. Written as people write their own names, accents included.
 */
enum Culture {

	GERMAN(12, '-', 3, List.of("German"),
			List.of("Jürgen", "Jörg", "Anna", "Lena", "Lukas", "Felix", "Katrin", "Sören", "Maximilian", "Annika",
					"Tobias", "Julia", "Björn", "Sabine", "Matthias", "Charlotte", "Uwe", "Mareike"),
			List.of("Müller", "Schmidt", "Schäfer", "Becker", "Hoffmann", "Groß", "Krüger", "Wagner", "Zimmermann",
					"Köhler", "Neumann", "Fuchs", "Lehmann", "Bauer", "Weiß", "Hartmann")),
	BRITISH(0, ' ', 4, List.of(),
			List.of("Oliver", "Amelia", "Harry", "Isla", "George", "Charlotte", "Siobhán", "Callum", "Eleanor",
					"Rhys", "Niamh", "Alfie", "Imogen", "Euan", "Poppy", "Declan"),
			List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "O'Brien", "Davies", "Evans",
					"Thomas", "Roberts", "MacDonald", "Hughes", "Walsh", "Clarke", "Patel")),
	AMERICAN(0, ' ', 3, List.of(),
			List.of("Emily", "Michael", "Jessica", "Tyler", "Ashley", "Brandon", "Madison", "Jordan", "Kayla",
					"Marcus", "Destiny", "Ethan", "Hannah", "Jamal", "Brooke", "Austin"),
			List.of("Johnson", "Miller", "Davis", "Garcia", "Rodriguez", "Martinez", "Anderson", "Jackson", "White",
					"Harris", "Thompson", "Robinson", "Lewis", "Walker", "Young", "King")),
	INDIAN(0, ' ', 0, List.of("Hindi", "Kannada", "Tamil", "Telugu", "Marathi", "Bengali"),
			List.of("Aarav", "Priya", "Rohan", "Ananya", "Vikram", "Divya", "Arjun", "Sneha", "Karthik", "Lakshmi",
					"Rahul", "Meera", "Siddharth", "Kavya", "Nikhil", "Pooja", "Aditya", "Shreya"),
			List.of("Sharma", "Iyer", "Reddy", "Nair", "Gupta", "Rao", "Menon", "Krishnan", "Banerjee", "Kulkarni",
					"Singh", "Desai", "Chatterjee", "Pillai", "Joshi", "Mehta")),
	CHINESE(0, ' ', 0, List.of("Mandarin", "Cantonese"),
			List.of("Wei", "Mei", "Jun", "Xiu", "Hao", "Ling", "Yang", "Jing", "Chen", "Hui", "Zhi", "Yan", "Bo",
					"Xin", "Lei", "Qing"),
			List.of("Wang", "Li", "Zhang", "Liu", "Chen", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu",
					"Hu", "Guo", "Lin")),
	MALAY(0, ' ', 0, List.of("Malay"),
			List.of("Nur", "Ahmad", "Siti", "Hafiz", "Aisyah", "Farid", "Zulaikha", "Iskandar", "Amira", "Rizal",
					"Hana", "Faizal"),
			List.of("Abdullah", "Rahman", "Ismail", "Hassan", "Yusof", "Osman", "Ibrahim", "Salleh", "Aziz",
					"Hamid", "Karim", "Latif")),
	BRAZILIAN(30, ' ', 45, List.of("Portuguese"),
			List.of("João", "Ana", "Lucas", "Beatriz", "Gabriel", "Júlia", "Rafael", "Letícia", "Matheus",
					"Camila", "Thiago", "Larissa", "Caio", "Fernanda", "Vinícius", "Luíza"),
			List.of("Silva", "Santos", "Oliveira", "Souza", "Pereira", "Lima", "Carvalho", "Gonçalves", "Araújo",
					"Ribeiro", "Almeida", "Rocha", "Barbosa", "Cardoso", "da Costa", "dos Santos")),
	PORTUGUESE(30, ' ', 50, List.of("Portuguese"),
			List.of("Tiago", "Inês", "Duarte", "Matilde", "Gonçalo", "Leonor", "Rodrigo", "Mariana", "Afonso",
					"Carolina", "Diogo", "Sofia", "Tomás", "Francisca"),
			List.of("Ferreira", "Costa", "Martins", "Rodrigues", "Fernandes", "Gomes", "Lopes", "Marques",
					"Sousa", "Conceição", "Pinto", "Teixeira", "Moreira", "Magalhães")),
	SPANISH(25, ' ', 70, List.of("Spanish"),
			List.of("José", "María", "Javier", "Lucía", "Alejandro", "Carmen", "Álvaro", "Marta", "Sergio",
					"Paula", "Íñigo", "Elena", "Diego", "Ximena", "Andrés", "Sofía"),
			List.of("García", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Núñez", "Muñoz",
					"Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Álvarez", "Castillo")),
	FRENCH(12, '-', 3, List.of("French"),
			List.of("Hélène", "Chloé", "Léa", "François", "Théo", "Camille", "Mathieu", "Élodie", "Julien",
					"Margaux", "Jean-Luc", "Anne-Marie", "Noémie", "Benoît"),
			List.of("Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Rousseau", "Gauthier",
					"Mercier", "Faure", "Lemaire", "Chevalier", "Leclerc")),
	POLISH(0, ' ', 5, List.of("Polish"),
			List.of("Łukasz", "Paweł", "Agnieszka", "Katarzyna", "Michał", "Małgorzata", "Piotr", "Zofia",
					"Krzysztof", "Joanna", "Wojciech", "Aleksandra"),
			List.of("Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński",
					"Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski")),
	NORDIC(5, '-', 3, List.of("Swedish", "Danish", "Norwegian"),
			List.of("Åsa", "Björn", "Søren", "Ingrid", "Lars", "Sigrid", "Mikael", "Freja", "Henrik", "Astrid",
					"Nils", "Maja"),
			List.of("Lindqvist", "Johansson", "Jørgensen", "Andersson", "Nilsson", "Hansen", "Berg", "Sandström",
					"Åberg", "Larsen", "Eriksson", "Holm")),
	TURKISH(10, ' ', 0, List.of("Turkish"),
			List.of("Çağla", "Emre", "Elif", "Burak", "Zeynep", "Mehmet", "Ayşe", "Can", "Selin", "Oğuz", "Deniz",
					"Gökhan"),
			List.of("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan", "Doğan", "Koç",
					"Kılıç", "Erdoğan")),
	KENYAN(0, ' ', 0, List.of("Swahili", "Kikuyu"),
			List.of("Wanjiru", "Otieno", "Achieng", "Kamau", "Njeri", "Mwangi", "Akinyi", "Kipchoge", "Wambui",
					"Omondi", "Chebet", "Baraka"),
			List.of("Odhiambo", "Mutua", "Kariuki", "Wafula", "Kimani", "Ochieng", "Njoroge", "Kiprop", "Mwangi",
					"Onyango", "Wekesa", "Chege")),
	NIGERIAN(15, ' ', 0, List.of("Yoruba", "Igbo", "Hausa"),
			List.of("Chinedu", "Ngozi", "Oluwaseun", "Adaeze", "Emeka", "Funmilayo", "Tunde", "Chiamaka", "Ifeoma",
					"Babatunde", "Zainab", "Obinna"),
			List.of("Okafor", "Adeyemi", "Okonkwo", "Balogun", "Eze", "Adebayo", "Nwosu", "Ogunleye", "Abubakar",
					"Okeke", "Afolabi", "Ibekwe")),
	JAPANESE(0, ' ', 0, List.of("Japanese"),
			List.of("Yuki", "Haruto", "Sakura", "Ren", "Aoi", "Sota", "Hina", "Takumi", "Yui", "Kenji", "Emi",
					"Daiki"),
			List.of("Tanaka", "Suzuki", "Takahashi", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi",
					"Sato", "Yoshida", "Saito", "Matsumoto")),
	KOREAN(0, ' ', 0, List.of("Korean"),
			List.of("Minjun", "Seoyeon", "Jiho", "Jiwoo", "Hyun", "Eunji", "Dongha", "Soyeon", "Jaewon", "Yuna"),
			List.of("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim")),
	VIETNAMESE(25, ' ', 0, List.of("Vietnamese"),
			List.of("Linh", "Minh", "Thảo", "Huy", "Ngọc", "Quang", "Trang", "Dũng", "Phương", "Tuấn"),
			List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô")),
	ARABIC(0, ' ', 0, List.of("Arabic"),
			List.of("Omar", "Layla", "Youssef", "Fatima", "Karim", "Nour", "Hamza", "Mariam", "Tariq", "Yasmin",
					"Khalid", "Rania"),
			List.of("Haddad", "Khalil", "Mansour", "Nasser", "Saleh", "Al-Amin", "Farouk", "Aziz", "Hakim",
					"El-Sayed", "Qureshi", "Darwish")),
	ITALIAN(10, ' ', 0, List.of("Italian"),
			List.of("Giulia", "Luca", "Francesca", "Matteo", "Chiara", "Niccolò", "Alessia", "Lorenzo", "Martina",
					"Davide"),
			List.of("Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "De Luca",
					"Galli")),
	DUTCH(0, ' ', 3, List.of("Dutch"),
			List.of("Daan", "Sanne", "Joris", "Femke", "Bram", "Lotte", "Sem", "Anouk", "Thijs", "Eline"),
			List.of("de Jong", "Jansen", "de Vries", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "van den Berg",
					"Mulder")),
	MEXICAN(25, ' ', 70, List.of("Spanish"),
			List.of("Guadalupe", "Luis", "Valeria", "Emiliano", "Regina", "Santiago", "Renata", "Mateo", "Fernanda",
					"Ángel"),
			List.of("Hernández", "Ramírez", "Flores", "Torres", "Vázquez", "Cruz", "Morales", "Reyes", "Ortiz",
					"Gutiérrez"));

	private final int secondGivenNamePercent;
	private final char givenNameJoiner;
	private final int secondFamilyNamePercent;
	private final List<String> languages;
	private final List<String> givenNames;
	private final List<String> familyNames;

	Culture(int secondGivenNamePercent, char givenNameJoiner, int secondFamilyNamePercent, List<String> languages,
			List<String> givenNames, List<String> familyNames) {
		this.secondGivenNamePercent = secondGivenNamePercent;
		this.givenNameJoiner = givenNameJoiner;
		this.secondFamilyNamePercent = secondFamilyNamePercent;
		this.languages = languages;
		this.givenNames = givenNames;
		this.familyNames = familyNames;
	}

	/** How often people have two given names ("Ana Beatriz", "Anna-Lena"), in percent. */
	int secondGivenNamePercent() {
		return secondGivenNamePercent;
	}

	/** A space or a hyphen, as two given names are written together in this culture. */
	char givenNameJoiner() {
		return givenNameJoiner;
	}

	/** How often people carry two family names ("García López", "Silva Santos"), in percent. */
	int secondFamilyNamePercent() {
		return secondFamilyNamePercent;
	}

	/** A space where two family names are the custom, otherwise a hyphen ("Smith-Jones"). */
	char familyNameJoiner() {
		return secondFamilyNamePercent >= 30 ? ' ' : '-';
	}

	/** Languages other than English that people of this culture often speak at home; may be empty. */
	List<String> languages() {
		return languages;
	}

	List<String> givenNames() {
		return givenNames;
	}

	List<String> familyNames() {
		return familyNames;
	}
}
