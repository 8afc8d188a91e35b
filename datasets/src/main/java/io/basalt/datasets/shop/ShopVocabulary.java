package io.basalt.datasets.shop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed words the e-commerce generator builds its text from: the category tree, brands per product
 * family, names, places, tags, and the words of descriptions and reviews. Data, not logic.
 */
final class ShopVocabulary {
    /** Product families; a category's family decides its products' JSON attributes and variants. */
    static final String[] FAMILIES = {"Electronics", "Clothing", "Home", "Books", "Sports", "Toys", "Beauty"};
    static final int ELECTRONICS = 0;
    static final int CLOTHING = 1;
    static final int HOME = 2;
    static final int BOOKS = 3;
    static final int SPORTS = 4;
    static final int TOYS = 5;

    /** Family, subcategory, then leaves as "Leaf name|product noun". */
    private static final String[][] TREE = {
        {"Electronics", "Computers", "Laptops|Laptop", "Desktops|Desktop", "Monitors|Monitor"},
        {"Electronics", "Phones", "Smartphones|Smartphone", "Phone Cases|Phone Case", "Chargers|Charger"},
        {"Electronics", "Audio", "Headphones|Headphones", "Speakers|Speaker"},
        {"Clothing", "Men", "Shirts|Shirt", "Jeans|Jeans", "Men's Shoes|Sneakers"},
        {"Clothing", "Women", "Dresses|Dress", "Tops|Top", "Women's Shoes|Boots"},
        {"Clothing", "Kids", "Outerwear|Jacket", "Pajamas|Pajama Set"},
        {"Home", "Kitchen", "Cookware|Frying Pan", "Small Appliances|Blender", "Cutlery|Knife Set"},
        {"Home", "Furniture", "Chairs|Chair", "Desks|Desk", "Shelves|Bookshelf"},
        {"Home", "Decor", "Lamps|Lamp", "Rugs|Rug"},
        {"Books", "Fiction", "Mystery|Mystery Novel", "Science Fiction|Space Opera", "Romance|Romance Novel"},
        {"Books", "Nonfiction", "History|History Book", "Science|Science Book", "Biography|Biography"},
        {"Sports", "Outdoor", "Camping|Tent", "Cycling|Bike Helmet", "Hiking|Backpack"},
        {"Sports", "Fitness", "Weights|Dumbbell Set", "Yoga|Yoga Mat", "Running|Running Shoes"},
        {"Toys", "Games", "Board Games|Board Game", "Puzzles|Puzzle"},
        {"Toys", "Building", "Blocks|Building Set", "Models|Model Kit"},
        {"Beauty", "Skincare", "Moisturizers|Moisturizer", "Cleansers|Cleanser"},
        {"Beauty", "Fragrance", "Perfume|Eau de Parfum", "Cologne|Cologne"},
    };

    static final String[][] BRANDS = {
        {"TechCorp", "Voltix", "Nimbus", "Quanta", "Arcline", "Helio"},
        {"Northwear", "Urbano", "Thread & Co", "Basalt Denim", "Lumen"},
        {"Hearth", "Oakline", "Kitchenry", "Nordhaus", "Casa Viva"},
        {"Penguin Row", "Harbor Press", "Lantern Books", "Quill House"},
        {"Summit", "Trailhead", "Ironform", "Velocity", "Zenfit"},
        {"Brickwise", "Playforge", "Tiny Giants", "Puzzlecraft"},
        {"Glow", "Aurelle", "Pure Leaf", "Maison Rose"},
    };

    static final String[] ADJECTIVES = {"Classic", "Ultra", "Pro", "Essential", "Deluxe", "Compact", "Premium",
        "Eco", "Smart", "Vintage", "Modern", "Lite", "Max", "Everyday", "Signature"};
    static final String[] COLORS = {"black", "white", "silver", "navy", "red", "green", "grey", "blue", "beige"};
    static final String[] SIZES = {"XS", "S", "M", "L", "XL", "XXL"};
    static final String[] MATERIALS = {"cotton", "wool", "polyester", "linen", "steel", "oak", "bamboo", "glass"};
    static final String[] STORAGE = {"128GB", "256GB", "512GB", "1TB"};
    static final String[] RAM = {"8GB", "16GB", "32GB", "64GB"};
    static final String[] BOOK_FORMATS = {"paperback", "hardcover", "ebook"};
    static final String[] FIRST_NAMES = {"Emma", "Liam", "Olivia", "Noah", "Ava", "Lucas", "Mia", "Ethan", "Sofia",
        "Mateo", "Amelia", "Leo", "Chloe", "Arjun", "Yuki", "Fatima", "Omar", "Ingrid", "Pierre", "Chen"};
    static final String[] LAST_NAMES = {"Smith", "Garcia", "Muller", "Rossi", "Kim", "Nguyen", "Silva", "Dubois",
        "Kowalski", "Johansson", "Patel", "Tanaka", "Okafor", "Brown", "Novak", "Costa", "Weber", "Lopez"};
    static final String[] EMAIL_DOMAINS = {"example.com", "mail.example", "inbox.example", "post.example"};
    /** Countries with cities, most common first (the generator draws countries with a Zipf skew). */
    static final String[][] PLACES = {
        {"US", "Springfield", "Portland", "Austin", "Denver", "Chicago"},
        {"GB", "London", "Leeds", "Bristol"},
        {"DE", "Berlin", "Hamburg", "Munich"},
        {"FR", "Paris", "Lyon", "Nantes"},
        {"CA", "Toronto", "Vancouver", "Montreal"},
        {"ES", "Madrid", "Valencia"},
        {"IT", "Milan", "Turin"},
        {"NL", "Amsterdam", "Utrecht"},
        {"SE", "Stockholm", "Gothenburg"},
        {"JP", "Osaka", "Sapporo"},
    };
    static final String[] STREETS = {"Main St", "Oak Ave", "Station Rd", "High St", "Park Lane", "Mill Rd",
        "Elm St", "Harbor Way", "Church St", "Lake Dr"};
    static final String[] TAGS = {"new", "bestseller", "sale", "gift", "eco-friendly", "limited", "bundle",
        "clearance", "premium", "handmade", "trending", "staff-pick", "back-in-stock", "exclusive", "refurbished",
        "vegan", "organic", "wireless", "waterproof", "lightweight", "kids", "outdoor", "office", "travel",
        "fitness", "gaming", "vintage", "minimalist", "smart-home", "summer", "winter", "holiday", "classic",
        "portable", "durable", "recycled", "local", "imported", "award-winning", "budget"};
    static final String[] WORDS = {"quality", "great", "value", "fast", "shipping", "love", "works", "well",
        "design", "comfortable", "sturdy", "easy", "use", "recommend", "price", "size", "color", "perfect",
        "daily", "gift", "battery", "fit", "material", "soft", "bright", "quiet", "solid", "light", "small",
        "large", "excellent", "good", "okay", "poor", "returned", "again", "would", "buy", "family", "happy"};
    static final String[] REVIEW_TITLES = {"Love it", "Great value", "As described", "Not what I expected",
        "Five stars", "Decent", "Would buy again", "Disappointed", "Excellent quality", "Okay for the price"};

    /** A category of the fixed tree; parentId is 0 for a top-level category. */
    record Category(int id, String name, String slug, int parentId, int depth, String path, int family, String noun) {
    }

    static final List<Category> CATEGORIES = buildCategories();
    /** The leaf categories, where products live. */
    static final List<Category> LEAVES = CATEGORIES.stream().filter(c -> c.depth() == 2).toList();

    private ShopVocabulary() {
    }

    private static List<Category> buildCategories() {
        // Ids by level: families first, then subcategories, then leaves, so that parents have smaller ids.
        Map<String, Category> families = new LinkedHashMap<>();
        for (int family = 0; family < FAMILIES.length; family++) {
            int id = family + 1;
            families.put(FAMILIES[family], new Category(id, FAMILIES[family], slug(FAMILIES[family]), 0, 0,
                    Integer.toString(id), family, null));
        }
        List<Category> subcategories = new ArrayList<>();
        int nextId = families.size() + 1;
        for (String[] branch : TREE) {
            Category parent = families.get(branch[0]);
            int id = nextId++;
            subcategories.add(new Category(id, branch[1], slug(branch[0] + " " + branch[1]), parent.id(), 1,
                    parent.path() + "." + id, parent.family(), null));
        }
        List<Category> leaves = new ArrayList<>();
        for (int b = 0; b < TREE.length; b++) {
            Category parent = subcategories.get(b);
            for (int l = 2; l < TREE[b].length; l++) {
                String[] leaf = TREE[b][l].split("\\|");
                int id = nextId++;
                leaves.add(new Category(id, leaf[0], slug(TREE[b][0] + " " + TREE[b][1] + " " + leaf[0]),
                        parent.id(), 2, parent.path() + "." + id, parent.family(), leaf[1]));
            }
        }
        List<Category> all = new ArrayList<>(families.values());
        all.addAll(subcategories);
        all.addAll(leaves);
        return List.copyOf(all);
    }

    /** Lower case, words joined by hyphens, other characters dropped: "Men's Shoes" -> "mens-shoes". */
    static String slug(String text) {
        StringBuilder slug = new StringBuilder(text.length());
        boolean pendingHyphen = false;
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (pendingHyphen && !slug.isEmpty()) {
                    slug.append('-');
                }
                slug.append(c);
                pendingHyphen = false;
            } else if (c == ' ' || c == '-' || c == '&') {
                pendingHyphen = true;
            }
        }
        return slug.toString();
    }
}
