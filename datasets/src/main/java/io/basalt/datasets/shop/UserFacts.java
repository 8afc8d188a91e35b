package io.basalt.datasets.shop;

import java.util.SplittableRandom;

/**
 * What the generator knows about one user, drawn from the user's own random stream: the users table
 * writes it, orders take the sign-up day and address from it.
 */
record UserFacts(long id, String firstName, String lastName, String email, String username, String passwordHash,
                 String role, boolean active, String country, String city, String street, String postalCode,
                 int createdDay) {
    private static final ZipfSampler COUNTRIES = new ZipfSampler(ShopVocabulary.PLACES.length, 1.1);
    private static final char[] HASH_ALPHABET =
            "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    static UserFacts of(long seed, long id) {
        SplittableRandom random = EntityRandom.of(seed, EntityRandom.USER, id);
        String first = pick(ShopVocabulary.FIRST_NAMES, random);
        String last = pick(ShopVocabulary.LAST_NAMES, random);
        String handle = first.toLowerCase() + "." + last.toLowerCase() + id;
        String email = handle + "@" + pick(ShopVocabulary.EMAIL_DOMAINS, random);
        StringBuilder hash = new StringBuilder("$2b$12$");
        for (int i = 0; i < 53; i++) {
            hash.append(HASH_ALPHABET[random.nextInt(HASH_ALPHABET.length)]);
        }
        String role = random.nextInt(1000) == 0 ? "admin" : "customer";
        boolean active = random.nextInt(100) < 97;
        String[] place = ShopVocabulary.PLACES[COUNTRIES.sample(random)];
        String city = place[1 + random.nextInt(place.length - 1)];
        String street = (1 + random.nextInt(400)) + " " + pick(ShopVocabulary.STREETS, random);
        String postalCode = Integer.toString(10_000 + random.nextInt(90_000));
        int created = ShopCalendar.dayAfter(ShopCalendar.FIRST_DAY, random);
        return new UserFacts(id, first, last, email, handle, hash.toString(), role, active, place[0], city, street,
                postalCode, created);
    }

    /** The address as a JSON object, as orders snapshot it. */
    String addressJson() {
        return new JsonText()
                .string("name", firstName + " " + lastName)
                .string("street", street)
                .string("city", city)
                .string("postal_code", postalCode)
                .string("country", country)
                .build();
    }

    static String pick(String[] words, SplittableRandom random) {
        return words[random.nextInt(words.length)];
    }
}
